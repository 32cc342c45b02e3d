import Foundation
import RenewalModel
import Testing

@testable import RenewalStore

@Suite("Entries CSV")
struct EntriesCSVTests {
    let plan: Plan

    init() throws {
        plan = try PlanLoader.embedded()
    }

    func read(_ text: String, bom: Bool = false) throws -> [ProgressEntry] {
        var data = Data(text.utf8)
        if bom { data = Data([0xEF, 0xBB, 0xBF]) + data }
        return try EntriesCSV.readReturn(data: data, file: "returns.csv", plan: plan, today: Self.today).rows.map {
            $0.entry(file: "returns.csv")
        }
    }

    /// The problems of a return as the user reads them (in English unless told otherwise).
    func problems(_ text: String, in language: Language = .en) -> [String] {
        do {
            _ = try read(text)
            return []
        } catch let error as EntriesError {
            return error.lines(language)
        } catch {
            return ["unexpected \(error)"]
        }
    }

    static let header = "指标编号,日期,数值,进展情况,存在问题,下步计划,填报单位\n"
    static let today = Day("2026-11-29")!

    @Test func readsEveryColumn() throws {
        let entries = try read(Self.header + "M02-1,2025-06-30,23,新培育晨星工厂3家,资金紧张,加快申报,市工业和信息化局\n")
        let entry = try #require(entries.first)
        #expect(entries.count == 1)
        #expect(entry.itemId == "M02-1")
        #expect(entry.date == Day("2025-06-30"))
        #expect(entry.value == 23)
        #expect(entry.progress == "新培育晨星工厂3家")
        #expect(entry.problems == "资金紧张")
        #expect(entry.nextSteps == "加快申报")
        #expect(entry.reportingUnit == "市工业和信息化局")
        #expect(entry.id == "returns.csv:2")
    }

    @Test func acceptsEnglishHeadersInAnyOrderWithExtraColumns() throws {
        let text = "date,description,value,target,unit\n2025/6/30,晨星工厂,\"1,234\",m02-1,工信局\n"
        let entries = try read(text)
        #expect(entries.first?.value == 1234)
        #expect(entries.first?.itemId == "M02-1")
    }

    @Test func quotedCellsMayHoldCommasAndLineBreaks() throws {
        let text = Self.header + "M02-1,2025-06-30,23,\"培育晨星工厂，\n第二行\",,,\nM02-2,2025-06-30,x,,,,\n"
        let lines = problems(text)
        // The bad row starts on line 4 because the quoted cell above spans two lines.
        #expect(lines == ["returns.csv:4: value: \"x\" is not a number (write plain digits, e.g. 1234 or 12.5)"])
    }

    @Test func acceptsABomAndCRLF() throws {
        let text =
            Self.header.replacingOccurrences(of: "\n", with: "\r\n")
            + "M02-1,2025-06-30,23,,,,\r\nM04-3,2025-06-30,91.5%,,,,\r\n"
        let entries = try read(text, bom: true)
        #expect(entries.map(\.value) == [23, 91.5])
        #expect(entries.map(\.id) == ["returns.csv:2", "returns.csv:3"])
    }

    @Test func milestonesTakeAStateAndMeasuresNarrative() throws {
        let entries = try read(
            Self.header + "M05-1,2025-06-30,完成,,,,\nM08,2025-06-30,,加装电梯12部,,,\nG25-3,2025-06-30,推进中,,,,\n")
        #expect(entries.map(\.milestone) == [.done, .inProgress, .inProgress])
        #expect(entries[1].itemId == "M08")
        #expect(entries[1].progress == "加装电梯12部")
    }

    @Test func everyBadRowIsReportedWithItsLineAndColumn() {
        let text =
            Self.header
            + "M02-1,2025-06-30,23,,,,\n"  // line 2: fine
            + "M99-1,2025-06-30,5,,,,\n"  // line 3: unknown id
            + "M02-1,2025-13-01,5,,,,\n"  // line 4: bad date
            + "M02-1,,5,,,,\n"  // line 5: empty date
            + "M02-1,2025-06-30,,说明,,,\n"  // line 6: text but no value
            + "M05-1,2025-06-30,7,,,,\n"  // line 7: milestone with a number
            + "M08,2025-06-30,12,,,,\n"  // line 8: measure with a number
            + ",2025-06-30,1,,,,\n"  // line 9: empty id
            + "\n"  // line 10: blank, skipped
            + "M02-2,2025-06-30,abc,,,,\n"  // line 11: bad number
        #expect(
            problems(text) == [
                "returns.csv:3: item: unknown target or measure id \"M99-1\"",
                "returns.csv:4: date: \"2025-13-01\" is not a date (use YYYY-MM-DD)",
                "returns.csv:5: date: required cell is empty",
                "returns.csv:6: value: required cell is empty for M02-1",
                "returns.csv:7: value: \"7\" is not a milestone state (write \"完成\" for done or \"推进中\" for in "
                    + "progress)",
                "returns.csv:8: value: a measure takes no number; leave the value empty or write \"推进中\" (in progress)",
                "returns.csv:9: item: required cell is empty",
                "returns.csv:11: value: \"abc\" is not a number (write plain digits, e.g. 1234 or 12.5)",
            ])
        // The same problems, complete in Chinese (the default language).
        #expect(problems(text, in: .zh).first == "returns.csv:3: 指标编号：没有编号为 \"M99-1\" 的指标或措施")
        #expect(problems(text, in: .zh).last == "returns.csv:11: 数值：\"abc\" 不是数字（只填阿拉伯数字，如 1234 或 12.5）")
    }

    @Test func aHeaderWithoutRequiredColumnsIsRejected() {
        #expect(
            problems("编号,日期\nM02-1,2025-06-30\n") == [
                "returns.csv:1: the header is missing 数值; expected 指标编号,日期,数值,进展情况,存在问题,下步计划,填报单位"
            ])
        #expect(problems("") == ["returns.csv:1: the file is empty; expected a header row"])
    }

    @Test func nonUTF8TextIsDecodedOrRejectedClearly() {
        let gbk = Data([0xD6, 0xB8, 0xB1, 0xEA, 0x2C, 0x0A])  // "指标," in GBK
        // Valid GBK decodes; bytes that are neither UTF-8 nor GB18030 are rejected clearly.
        #expect(TextDecoding.decode(gbk)?.text == "指标,\n")
        let garbage = Data([0xFF, 0xFE, 0x81, 0x20, 0xC3])
        #expect(throws: EntriesError.self) {
            try EntriesCSV.readReturn(data: garbage, file: "bad.csv", plan: plan, today: Self.today)
        }
    }

    @Test func aMissingFileIsAnError() {
        #expect(throws: EntriesError.self) {
            try EntriesCSV.read(path: "/nonexistent/returns.csv", plan: plan, today: Self.today)
        }
    }

    @Test(arguments: [
        ("1,234", 1234.0), ("94%", 94.0), ("１２３", 123.0), (" 0.8 ", 0.8), ("-5", -5.0), ("+7", 7.0),
        ("1,234,567.5", 1234567.5), ("９４％", 94.0), ("1000000000000", 1e12),
    ])
    func numbersAsPeopleTypeThem(_ text: String, _ expected: Double) {
        #expect(EntryValidator.parseNumber(text) == expected)
    }

    @Test(arguments: [
        "", "abc", "1.2.3", "inf", "nan", "12亿", "0x10", "1e19", "1e308", "1E5", "1,2,3", "12,34", ",123",
        "1.", ".5", "1 234", "--5", "1000000000001", "123456789012345678", "١٢٣",
    ])
    func notNumbers(_ text: String) {
        #expect(EntryValidator.parseNumber(text) == nil)
    }

    @Test func aPercentSignOnlyWhereTheTargetIsAPercentage() {
        #expect(EntryValidator.parseNumber("35%", percentAllowed: false) == nil)
        #expect(EntryValidator.parseNumber("35", percentAllowed: false) == 35)
        if case let .failure(message) = EntryValidator.number("35%", percentAllowed: false) {
            #expect(message.en.contains("not a percentage"))
        } else {
            Issue.record("35% accepted for a count")
        }
    }
}
