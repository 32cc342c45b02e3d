import Foundation
import RenewalModel

/// Plan files decoded once: a province's plan is megabytes of JSON, and decoding it took most of
/// a command's time. The checked plan is kept in a compact binary form under the user's cache
/// folder, named by the file's fingerprint (`PlanFingerprint`), so an edited file is decoded
/// again and an unchanged one is read back in a fraction of the time.
///
/// A cache file is never trusted: one that is missing, unreadable, malformed or of another
/// version is ignored (the JSON is decoded), and a plan read from it is checked like any plan.
public enum PlanCache {
    /// `$XDG_CACHE_HOME/renewal/plans`, else `~/.cache/renewal/plans`; nil without either.
    public static func folder(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL? {
        if let xdg = environment["XDG_CACHE_HOME"], !xdg.isEmpty {
            return URL(filePath: xdg).appending(path: "renewal/plans")
        }
        guard let home = environment["HOME"], !home.isEmpty else { return nil }
        return URL(filePath: home).appending(path: ".cache/renewal/plans")
    }

    static func file(for fingerprint: String, environment: [String: String]) -> URL? {
        folder(environment: environment)?.appending(path: fingerprint + ".plan")
    }

    /// The plan kept for `fingerprint`, checked; nil when there is none fit to use.
    public static func load(
        fingerprint: String, environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> Plan? {
        guard let url = file(for: fingerprint, environment: environment),
            let data = FileManager.default.contents(atPath: url.path),
            let plan = try? PlanBinary.decode(data), plan.problems().isEmpty
        else { return nil }
        return plan
    }

    /// Keeps a checked plan for `fingerprint`. Best effort: a cache that cannot be written (a
    /// read-only home, a full disk) only means the next run decodes the JSON again.
    public static func save(
        _ plan: Plan, fingerprint: String, environment: [String: String] = ProcessInfo.processInfo.environment
    ) {
        guard let url = file(for: fingerprint, environment: environment) else { return }
        do {
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            // Written whole to a temporary name, then renamed: a reader never sees half a file.
            try Data(PlanBinary.encode(plan)).write(to: url, options: .atomic)
        } catch {
            return
        }
    }
}

/// The plan as length-prefixed binary fields, in the order the model declares them. Reading
/// checks every length against what is left, so a damaged file is an error, never a crash.
enum PlanBinary {
    /// Changes whenever the layout below changes, or the rules that turn a file into a plan
    /// (`PlanBuilder`): older files are then ignored.
    static let header = Array("renewal plan cache 5\n".utf8)

    struct Malformed: Error {}

    static func encode(_ plan: Plan) -> [UInt8] {
        var out = Writer(bytes: header)
        out.string(plan.title)
        out.string(plan.titleEn)
        out.int(plan.startDate.ordinal)
        out.int(plan.endDate.ordinal)
        out.list(plan.units) { out, unit in
            out.string(unit.id)
            out.string(unit.name)
            out.string(unit.short)
            out.string(unit.nameEn)
        }
        out.list(plan.overallTargets) { out, target in out.target(target) }
        out.optional(plan.documentNumber) { $0.string($1) }
        out.optional(plan.overallHeading) { $0.string($1) }
        out.optional(plan.overallHeadingEn) { $0.string($1) }
        out.list(plan.programmes) { out, programme in
            out.int(programme.number)
            out.string(programme.key)
            out.string(programme.title)
            out.string(programme.titleEn)
            out.list(programme.measures) { out, measure in
                out.int(measure.number)
                out.string(measure.title)
                out.string(measure.titleEn)
                out.string(measure.text)
                out.list(measure.leadUnits) { out, unit in out.string(unit) }
                out.list(measure.responsibleUnits) { out, unit in out.string(unit) }
                out.list(measure.targets) { out, target in out.target(target) }
                out.optional(measure.storedId) { $0.string($1) }
                out.optional(measure.writtenLabel) { $0.string($1) }
                out.optional(measure.path) { out, path in out.list(path) { $0.string($1) } }
                out.optional(measure.otherUnits) { out, units in
                    out.list(units) { out, unit in
                        out.string(unit.unit)
                        out.string(unit.role.rawValue)
                    }
                }
            }
            out.optional(programme.writtenLabel) { $0.string($1) }
        }
        return out.bytes
    }

    static func decode(_ data: Data) throws -> Plan {
        try data.withUnsafeBytes { raw in
            var input = Reader(bytes: raw.bindMemory(to: UInt8.self))
            guard input.take(header.count).elementsEqual(header) else { throw Malformed() }
            let title = try input.string()
            let titleEn = try input.string()
            let startDate = Day(ordinal: try input.day())
            let endDate = Day(ordinal: try input.day())
            let units = try input.list { input in
                PlanUnit(
                    id: try input.string(), name: try input.string(), short: try input.string(),
                    nameEn: try input.string())
            }
            let overall = try input.list { input in try input.target() }
            let documentNumber = try input.optional { try $0.string() }
            let overallHeading = try input.optional { try $0.string() }
            let overallHeadingEn = try input.optional { try $0.string() }
            let programmes = try input.list { input in
                Programme(
                    number: try input.int(), key: try input.string(), title: try input.string(),
                    titleEn: try input.string(),
                    measures: try input.list { input in
                        Measure(
                            number: try input.int(), title: try input.string(), titleEn: try input.string(),
                            text: try input.string(), leadUnits: try input.list { try $0.string() },
                            responsibleUnits: try input.list { try $0.string() },
                            targets: try input.list { input in try input.target() },
                            storedId: try input.optional { try $0.string() },
                            writtenLabel: try input.optional { try $0.string() },
                            path: try input.optional { try $0.list { try $0.string() } },
                            otherUnits: try input.optional { input in
                                try input.list { NodeUnit(unit: try $0.string(), role: try $0.raw(NodeUnit.Role.self)) }
                            })
                    }, writtenLabel: try input.optional { try $0.string() })
            }
            guard input.isAtEnd else { throw Malformed() }
            return Plan(
                title: title, titleEn: titleEn, startDate: startDate, endDate: endDate, units: units,
                overallTargets: overall, programmes: programmes, documentNumber: documentNumber,
                overallHeading: overallHeading, overallHeadingEn: overallHeadingEn)
        }
    }

    struct Writer {
        var bytes: [UInt8]

        mutating func int(_ value: Int) {
            withUnsafeBytes(of: Int64(value).littleEndian) { bytes.append(contentsOf: $0) }
        }

        mutating func string(_ text: String) {
            var text = text
            text.withUTF8 { utf8 in
                int(utf8.count)
                bytes.append(contentsOf: utf8)
            }
        }

        /// A presence byte, then the value when there is one.
        mutating func optional<T>(_ value: T?, _ write: (inout Writer, T) -> Void) {
            bytes.append(value == nil ? 0 : 1)
            if let value { write(&self, value) }
        }

        mutating func list<T>(_ values: [T], _ write: (inout Writer, T) -> Void) {
            int(values.count)
            for value in values { write(&self, value) }
        }

        mutating func target(_ target: Target) {
            string(target.id)
            string(target.description)
            string(target.descriptionEn)
            string(target.source)
            string(target.kind.rawValue)
            optional(target.comparator) { $0.string($1.rawValue) }
            optional(target.comparatorText) { $0.string($1) }
            optional(target.value) { $0.int(Int(bitPattern: UInt(truncatingIfNeeded: $1.bitPattern))) }
            optional(target.unit) { $0.string($1) }
            optional(target.reading) { $0.string($1.rawValue) }
            optional(target.deadline) { $0.int($1.ordinal) }
            optional(target.recurrence) { $0.string($1.rawValue) }
            optional(target.baselineYear) { $0.int($1) }
            optional(target.reportedUnit) { $0.string($1) }
            optional(target.relatedMeasures) { out, numbers in out.list(numbers) { $0.int($1) } }
            optional(target.style) { $0.string($1.rawValue) }
            optional(target.series) { $0.string($1) }
            optional(target.tolerance) { $0.int(Int(bitPattern: UInt(truncatingIfNeeded: $1.bitPattern))) }
        }
    }

    struct Reader {
        let bytes: UnsafeBufferPointer<UInt8>
        var index = 0

        var isAtEnd: Bool { index == bytes.count }

        /// Up to `count` bytes (fewer at the end: the caller's comparison then fails).
        mutating func take(_ count: Int) -> UnsafeBufferPointer<UInt8> {
            let end = min(bytes.count, index + max(0, count))
            defer { index = end }
            return UnsafeBufferPointer(rebasing: bytes[index..<end])
        }

        mutating func int() throws -> Int {
            guard bytes.count - index >= 8 else { throw Malformed() }
            var value: UInt64 = 0
            for shift in 0..<8 { value |= UInt64(bytes[index + shift]) << (8 * UInt64(shift)) }
            index += 8
            return Int(Int64(bitPattern: value))
        }

        /// A day's ordinal, within the years a plan can name (so `Day(ordinal:)` cannot overflow).
        mutating func day() throws -> Int {
            let ordinal = try int()
            guard abs(ordinal) < 3_000_000 else { throw Malformed() }
            return ordinal
        }

        mutating func count() throws -> Int {
            let count = try int()
            guard count >= 0, count <= bytes.count - index else { throw Malformed() }
            return count
        }

        mutating func string() throws -> String {
            let count = try count()
            guard let text = String(validating: take(count), as: UTF8.self) else { throw Malformed() }
            return text
        }

        mutating func optional<T>(_ read: (inout Reader) throws -> T) throws -> T? {
            guard index < bytes.count else { throw Malformed() }
            let present = bytes[index]
            index += 1
            switch present {
            case 0: return nil
            case 1: return try read(&self)
            default: throw Malformed()
            }
        }

        mutating func list<T>(_ read: (inout Reader) throws -> T) throws -> [T] {
            let count = try count()
            var values: [T] = []
            // Not `count`: a damaged length must not reserve gigabytes before failing.
            values.reserveCapacity(min(count, 4096))
            for _ in 0..<count { values.append(try read(&self)) }
            return values
        }

        mutating func raw<T: RawRepresentable>(_ type: T.Type) throws -> T where T.RawValue == String {
            guard let value = T(rawValue: try string()) else { throw Malformed() }
            return value
        }

        mutating func target() throws -> Target {
            Target(
                id: try string(), description: try string(), descriptionEn: try string(), source: try string(),
                kind: try raw(TargetKind.self), comparator: try optional { try $0.raw(GoalComparator.self) },
                comparatorText: try optional { try $0.string() },
                value: try optional { Double(bitPattern: UInt64(UInt(bitPattern: try $0.int()))) },
                unit: try optional { try $0.string() }, reading: try optional { try $0.raw(Reading.self) },
                deadline: try optional { Day(ordinal: try $0.day()) },
                recurrence: try optional { try $0.raw(Recurrence.self) }, baselineYear: try optional { try $0.int() },
                reportedUnit: try optional { try $0.string() },
                relatedMeasures: try optional { try $0.list { try $0.int() } },
                style: try optional { try $0.raw(TargetStyle.self) }, series: try optional { try $0.string() },
                tolerance: try optional { Double(bitPattern: UInt64(UInt(bitPattern: try $0.int()))) })
        }
    }
}
