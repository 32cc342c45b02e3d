import Foundation
import RenewalModel
import Testing

@testable import RenewalReports
@testable import RenewalStore

/// `JSONText` must write what `JSONEncoder` writes, byte for byte, for every answer `--json`
/// gives (scripts and the golden files depend on the form), and for strings meant to break it.
@Suite("JSON text")
struct JSONTextTests {
    let plan = try! PlanLoader.embedded()
    let entries = try! EntriesCSV.read(
        path: ReportTests.root.appending(path: "Data/examples/returns-example.csv").path,
        plan: try! PlanLoader.embedded(),
        today: Day("2026-11-29")!)

    func expectSame<T: Encodable>(_ value: T, _ label: String) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .withoutEscapingSlashes, .sortedKeys]
        let expected = String(decoding: try encoder.encode(value), as: UTF8.self)
        let written = String(decoding: try JSONText.encode(value), as: UTF8.self)
        #expect(written == expected, "\(label)")
        #expect(expected.count > 2, "\(label)")
    }

    @Test(arguments: [Language.zh, .en], ["2025-06-30", "2026-11-29", "2028-01-11"])
    func everyReportIsWrittenAsJSONEncoderWritesIt(_ language: Language, _ asOf: String) throws {
        let day = try #require(Day(asOf))
        let evaluation = StatusEngine(plan: plan).evaluate(entries: entries, asOf: day)
        let context = ReportContext(plan: plan, evaluation: evaluation, language: language, entries: entries)
        try expectSame(OverdueReport(context: context), "overdue")
        try expectSame(SummaryReport(context: context), "summary")
        try expectSame(Bulletin(context: context), "bulletin")
        try expectSame(try #require(MeasureReport(context: context, number: 4)), "measure 4")
        try expectSame(try #require(TargetReport(context: context, targetId: "G27-2")), "target G27-2")
        try expectSame(
            ReportingStatus(
                plan: plan, evaluation: evaluation, reports: LatestReport.from(entries, asOf: day), language: language),
            "reporting")
        let before = StatusEngine(plan: plan).evaluate(entries: entries, asOf: day.adding(days: -40))
        try expectSame(StatusChanges(plan: plan, before: before, now: evaluation, language: language), "changes")
        try expectSame(entries, "history")
    }

    @Test func thePlanAndHostileStrings() throws {
        try expectSame(plan, "plan")
        var hostile = (0..<0x20).map { String(UnicodeScalar(UInt8($0))) }
        hostile += ["\"", "\\", "/", "\u{7F}", "\u{85}", "\u{202E}", "𠀀😀", "a\"b\\c/d\ne", "", "键 : 值"]
        try expectSame(hostile, "strings")
        try expectSame(Dictionary(uniqueKeysWithValues: hostile.map { ($0, $0) }), "keys")
        try expectSame([0.1, 1, -0.0, 1e21, 1e-7, 12.600000000000001, 35, Double(Int64.max)], "numbers")
        try expectSame([Int8.min, 0, Int8.max].map { $0 }, "small integers")
        try expectSame([UInt64.max], "large integers")
        try expectSame([Float(0.1), 2.5], "floats")
        try expectSame([[String: [Int]]](), "empty array")
        try expectSame([["a": [Int]()], [:]], "empty objects and arrays")
        try expectSame([Bool?.none, true, false], "optionals")
        try expectSame(Twice(), "a key encoded twice")
        // Where JSONEncoder stops the whole answer, a value JSON cannot hold is null (issue 20).
        #expect(
            String(decoding: try JSONText.encode([Double.nan, .infinity, -.infinity, 1]), as: UTF8.self)
                == "[\n  null,\n  null,\n  null,\n  1\n]")
        #expect(throws: JSONText.Unsupported.self) { try JSONText.encode([Date()]) }
    }
}

/// Encodes one key twice, and nested and super containers: the forms synthesized code never makes.
struct Twice: Encodable {
    enum Keys: String, CodingKey { case a, b, c }
    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(1, forKey: .b)
        try container.encode("first", forKey: .a)
        try container.encode("second", forKey: .a)
        var nested = container.nestedUnkeyedContainer(forKey: .c)
        try nested.encode(Int8(-3))
        var inner = nested.nestedContainer(keyedBy: Keys.self)
        try inner.encodeNil(forKey: .a)
    }
}
