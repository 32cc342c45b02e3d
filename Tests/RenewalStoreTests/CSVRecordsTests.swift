import RenewalModel
import Testing

@testable import RenewalStore

@Suite("CSV records")
struct CSVRecordsTests {
    func cells(_ text: String) -> [[String]]? {
        try? CSVRecords.parse(text).get().map(\.cells)
    }

    func parseFailure(_ text: String) -> CSVRecords.Failure? {
        if case let .failure(failure) = CSVRecords.parse(text) { return failure }
        return nil
    }

    @Test func recordsAndTheirLines() throws {
        let records = try CSVRecords.parse("a,b\r\n\"x,\n\"\"y\"\"\",2\nlast,").get()
        #expect(records.map(\.cells) == [["a", "b"], ["x,\n\"y\"", "2"], ["last", ""]])
        #expect(records.map(\.line) == [1, 2, 4])
    }

    @Test func lineEndingsOfEveryKind() {
        #expect(cells("a\nb\r\nc\rd") == [["a"], ["b"], ["c"], ["d"]])
        #expect(cells("") == [])
        #expect(cells("a\n") == [["a"]])
        #expect(cells(",") == [["", ""]])
        #expect(cells("5\"") == [["5\""]])
    }

    @Test func anUnterminatedQuoteNamesTheLineItOpenedOn() throws {
        let failure = try #require(parseFailure("a,b\n1,\"open\n2,3\n4,5\n"))
        #expect(failure.line == 2)
        #expect(failure.message.en.contains("never closed"))
    }

    @Test func textAfterAClosingQuoteAndNULAreErrors() throws {
        #expect(try #require(parseFailure("a\n\"x\"y\n")).line == 2)
        #expect(try #require(parseFailure("a\nb\u{0}c\n")).message.zh.contains("空字符"))
        #expect(try #require(parseFailure("a\n\"b\u{0}\"\n")).line == 2)
    }
}
