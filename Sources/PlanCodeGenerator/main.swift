import Foundation
import RenewalModel

/// Build-time tool: reads the plan JSON, checks it as `renewal` would, and writes it as Swift
/// values (`let embeddedPlanValue = Plan(...)`), so the built-in plan loads with no JSON decoder
/// and no checks at run time (issue 14). A plan that fails its checks fails the build.
///
/// Usage: PlanCodeGenerator INPUT.json OUTPUT.swift
let arguments = CommandLine.arguments
guard arguments.count == 3 else {
    FileHandle.standardError.write(Data("usage: PlanCodeGenerator INPUT.json OUTPUT.swift\n".utf8))
    exit(2)
}
let (inputPath, outputPath) = (arguments[1], arguments[2])
guard let data = FileManager.default.contents(atPath: inputPath) else {
    FileHandle.standardError.write(Data("PlanCodeGenerator: cannot read \(inputPath)\n".utf8))
    exit(1)
}
let plan: Plan
do {
    plan = try Plan.decode(json: data)
} catch {
    FileHandle.standardError.write(Data("PlanCodeGenerator: \(inputPath): \(error)\n".utf8))
    exit(1)
}
let problems = plan.problems()
guard problems.isEmpty else {
    FileHandle.standardError.write(Data("PlanCodeGenerator: \(inputPath) fails its checks: \(problems)\n".utf8))
    exit(1)
}

/// Swift source for each kind of value the plan holds.
enum Code {
    /// A string literal: `debugDescription` escapes quotes, backslashes and control characters.
    static func string(_ text: String) -> String { text.debugDescription }
    static func strings(_ list: [String]) -> String { "[" + list.map(string).joined(separator: ", ") + "]" }
    static func day(_ day: Day) -> String { "Day(ordinal: \(day.ordinal))" }
    static func optional<T>(_ value: T?, _ code: (T) -> String) -> String { value.map(code) ?? "nil" }

    static func unit(_ unit: PlanUnit) -> String {
        "PlanUnit(id: \(string(unit.id)), name: \(string(unit.name)), short: \(string(unit.short)), "
            + "nameEn: \(string(unit.nameEn)))"
    }

    static func target(_ target: Target) -> String {
        "Target(id: \(string(target.id)), description: \(string(target.description)), "
            + "descriptionEn: \(string(target.descriptionEn)), source: \(string(target.source)), "
            + "kind: .\(target.kind), comparator: \(optional(target.comparator) { ".\($0)" }), "
            + "comparatorText: \(optional(target.comparatorText, string)), "
            + "value: \(optional(target.value) { $0.description }), unit: \(optional(target.unit, string)), "
            + "reading: \(optional(target.reading) { ".\($0)" }), deadline: \(optional(target.deadline, day)), "
            + "recurrence: \(optional(target.recurrence) { ".\($0)" }), "
            + "baselineYear: \(optional(target.baselineYear) { "\($0)" }), "
            + "reportedUnit: \(optional(target.reportedUnit, string)), "
            + "relatedMeasures: \(optional(target.relatedMeasures) { "\($0)" }))"
    }

    static func measure(_ measure: Measure) -> String {
        "Measure(number: \(measure.number), title: \(string(measure.title)), titleEn: \(string(measure.titleEn)), "
            + "text: \(string(measure.text)), leadUnits: \(strings(measure.leadUnits)), "
            + "responsibleUnits: \(strings(measure.responsibleUnits)), "
            + "targets: [\n" + measure.targets.map { "            " + target($0) + ",\n" }.joined() + "        ])"
    }

    static func programme(_ programme: Programme) -> String {
        "Programme(number: \(programme.number), key: \(string(programme.key)), title: \(string(programme.title)), "
            + "titleEn: \(string(programme.titleEn)), measures: [\n"
            + programme.measures.map { "        " + measure($0) + ",\n" }.joined() + "    ])"
    }
}

let source = """
    // Generated from \(URL(fileURLWithPath: inputPath).lastPathComponent) at build time by PlanCodeGenerator.
    // Do not edit.
    import RenewalModel

    /// The fingerprint of the plan file's bytes (`PlanFingerprint`): the same as `--plan` on that file.
    let embeddedPlanFingerprint = \(Code.string(PlanFingerprint.of(data)))

    /// The built-in plan as Swift values, checked when the binary was built.
    let embeddedPlanValue = Plan(
        title: \(Code.string(plan.title)),
        titleEn: \(Code.string(plan.titleEn)),
        startDate: \(Code.day(plan.startDate)),
        endDate: \(Code.day(plan.endDate)),
        units: [
    \(plan.units.map { "        " + Code.unit($0) + "," }.joined(separator: "\n"))
        ],
        overallTargets: [
    \(plan.overallTargets.map { "        " + Code.target($0) + "," }.joined(separator: "\n"))
        ],
        programmes: [
    \(plan.programmes.map { "    " + Code.programme($0) + "," }.joined(separator: "\n"))
        ]
    )

    """
do {
    try Data(source.utf8).write(to: URL(fileURLWithPath: outputPath), options: .atomic)
} catch {
    FileHandle.standardError.write(Data("PlanCodeGenerator: cannot write \(outputPath): \(error)\n".utf8))
    exit(1)
}
