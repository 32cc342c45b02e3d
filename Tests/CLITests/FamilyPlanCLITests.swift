import Foundation
import Testing

/// Every command and report format on two plans of other shapes (Data/examples/plans): nothing
/// of Linqing's may appear, and the headings are the plan's own, as written.
@Suite("Other plans, every report")
struct FamilyPlanCLITests {
    struct Fixture: Sendable, CustomStringConvertible {
        let file: String
        /// Commands that put something in the store for every report to show.
        let writes: [[String]]
        /// Items whose pages are shown.
        let items: [String]
        /// Words every full report must carry: headings as the plan writes them.
        let headings: [String]
        var description: String { file }
    }

    static let fixtures = [
        Fixture(
            file: "zhangqiu-shape.json",
            writes: [
                ["baseline", "P2.1.2-1", "--value", "60", "--year", "2023"],
                ["record", "P2.1.2-1", "--value", "66", "--date", "2026-11-30", "--unit", "工信局"],
                ["record", "ZQ-3", "--in-progress", "--date", "2026-11-30", "--progress", "已淘汰120辆"],
                ["record", "P3.3.1", "--date", "2026-11-30", "--progress", "已摸底旧房装修需求"],
            ],
            items: ["P2.1.2", "P2.3-1", "ZQ-1"],
            headings: ["二、实施多领域设备更新行动", "2.推进重点行业节能降碳改造"]),
        Fixture(
            file: "pinghu-shape.json",
            writes: [
                ["baseline", "A1-1", "--value", "100", "--year", "2023"],
                ["record", "A1-1", "--value", "120", "--date", "2026-11-30", "--unit", "市经信局"],
                ["record", "A1.1.1-1", "--value", "20", "--date", "2026-11-30"],
                ["record", "A1-2", "--done", "--date", "2026-11-30"],
            ],
            items: ["A1", "A1.1", "A2.1-2"],
            headings: ["（一）实施设备更新行动", "1.推进制造业设备更新"]),
    ]

    static let folder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appending(path: "Data/examples/plans")

    @Test(arguments: fixtures)
    func everyReportInEveryFormatIsThePlansOwn(_ fixture: Fixture) throws {
        let scratch = FileManager.default.temporaryDirectory.appending(path: "renewal-family-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let environment = [
            "RENEWAL_PLAN": Self.folder.appending(path: fixture.file).path,
            "RENEWAL_DB": scratch.appending(path: "store.sqlite").path,
        ]
        for write in fixture.writes {
            let result = try CLI.run(write, environment: environment)
            #expect(result.status == 0, "\(write): \(result.stderr)")
        }
        let asOf = ["--as-of", "2026-12-11"]
        var commands: [[String]] = [
            ["summary"], ["summary", "--json"], ["overdue"], ["overdue", "--json"],
            ["report"], ["report", "--format", "html"], ["report", "--format", "text"], ["report", "--json"],
            ["reporting"], ["changes", "--since", "2026-11-01"],
        ].map { $0 + asOf }
        commands += [["plan"], ["plan", "--json"]]
        for item in fixture.items {
            commands += [["show", item] + asOf, ["show", item, "--json"] + asOf, ["history", item]]
        }
        for language in ["zh", "en"] {
            for command in commands {
                let result = try CLI.run(command + ["--lang", language], environment: environment)
                #expect(result.status == 0, "\(command) \(language): \(result.stderr)")
                #expect(!result.stdout.isEmpty, "\(command) \(language)")
                for linqing in ["临清", "Linqing", "到2025年、到2027年", "G25-", "M01"] {
                    #expect(!result.stdout.contains(linqing), "\(command) \(language) says \(linqing)")
                }
            }
            let outline = try CLI.run(["plan", "--lang", language], environment: environment)
            for heading in fixture.headings where language == "zh" {
                #expect(outline.stdout.contains(heading), "the outline has \(heading)")
            }
            let bulletin = try CLI.run(["report"] + asOf + ["--lang", language], environment: environment)
            #expect(bulletin.stdout.contains("测试样例") == (language == "zh") || language == "en")
            for format in ["csv", "xlsx"] {
                let file = scratch.appending(path: "bulletin-\(language).\(format)")
                let result = try CLI.run(
                    ["report", "-o", file.path] + asOf + ["--lang", language], environment: environment)
                #expect(result.status == 0, "report \(format): \(result.stderr)")
                let data = try Data(contentsOf: file)
                #expect(data.count > 100)
                if format == "xlsx" { #expect(data.prefix(2) == Data("PK".utf8), "a zip, as xlsx is") }
            }
        }
    }
}

extension FamilyPlanCLITests {
    /// A 章丘 store opened with Linqing's plan (RENEWAL_PLAN forgotten): every command refuses,
    /// in the run's language, naming both plans; nothing is written; `store plan` says which plan
    /// the store follows and `--adopt` changes it.
    @Test func aStoreOfAnotherPlanIsNeverJudgedByThisOne() throws {
        let scratch = FileManager.default.temporaryDirectory.appending(path: "renewal-other-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let store = scratch.appending(path: "store.sqlite").path
        let zhangqiu = ["RENEWAL_PLAN": Self.folder.appending(path: "zhangqiu-shape.json").path, "RENEWAL_DB": store]
        let linqing = ["RENEWAL_DB": store]
        let recorded = try CLI.run(
            ["record", "ZQ-4", "--value", "20000", "--date", "2026-11-30"], environment: zhangqiu)
        #expect(recorded.status == 0, "\(recorded.stderr)")
        let shown = try CLI.run(["store", "plan"], environment: zhangqiu)
        #expect(shown.stdout.contains("章政发〔2024〕2号") && shown.stdout.contains("与当前方案相同"), "\(shown.stdout)")

        for command in [["summary"], ["report"], ["record", "G25-1", "--value", "3"], []] {
            let zh = try CLI.run(command, environment: linqing)
            #expect(zh.status == 1, "\(command)")
            #expect(zh.stderr.contains("章政发〔2024〕2号") && zh.stderr.contains("《临清市"), "\(command): \(zh.stderr)")
            let en = try CLI.run(command + ["--lang", "en"], environment: linqing)
            #expect(en.stderr.contains("cannot be judged against another plan"), "\(command): \(en.stderr)")
        }
        let other = try CLI.run(["store", "plan"], environment: linqing)
        #expect(other.status == 0 && other.stdout.contains("当前方案是另一方案"))
        let history = try CLI.run(["history", "ZQ-4"], environment: zhangqiu)
        #expect(history.stdout.split(separator: "\n").count == 1, "still the one entry: \(history.stdout)")

        let adopt = try CLI.run(["store", "plan", "--adopt", "--lang", "en"], environment: linqing)
        #expect(adopt.status == 0 && adopt.stdout.contains("now follows"), "\(adopt.stderr)")
        #expect(try CLI.run(["summary"], environment: linqing).status == 0)
        #expect(try CLI.run(["summary"], environment: zhangqiu).status == 1)
    }
}

extension FamilyPlanCLITests {
    /// `plan draft` on Linqing's text writes a draft that `plan check` reviews (problems with
    /// their line, 请核对 notes, exit 1 until it can be used); a finished plan checks clean.
    @Test func aDraftFromTheTextIsCheckedBeforeUse() throws {
        let scratch = FileManager.default.temporaryDirectory.appending(path: "renewal-draft-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let root = Self.folder.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let text = root.appending(path: "Data/source/linqing-plan.txt").path
        let draft = scratch.appending(path: "draft.json").path
        let made = try CLI.run(["plan", "draft", text, "-o", draft])
        #expect(made.status == 0, "\(made.stderr)")
        #expect(made.stdout.contains("31 项指标") && made.stdout.contains("请核对"), "\(made.stdout)")
        let checked = try CLI.run(["plan", "check", draft])
        #expect(checked.status == 1)
        #expect(checked.stdout.contains("请核对（第 ") && checked.stdout.contains("问题（第 "), "\(checked.stdout)")
        #expect(checked.stderr.contains("方案文件尚不能使用"))
        let english = try CLI.run(["plan", "check", draft, "--lang", "en"])
        #expect(english.stdout.contains("check (line ") && !english.stdout.contains("请核对"), "\(english.stdout)")
        // A finished plan of either format checks clean.
        for plan in [
            Self.folder.appending(path: "zhangqiu-shape.json").path, root.appending(path: "Data/plan.json").path,
        ] {
            let clean = try CLI.run(["plan", "check", plan])
            #expect(clean.status == 0 && clean.stdout.contains("问题 0 处"), "\(plan): \(clean.stdout) \(clean.stderr)")
        }
        let missing = try CLI.run(["plan", "draft", scratch.appending(path: "nope.txt").path, "-o", draft])
        #expect(missing.status == 1 && missing.stderr.contains("无法读取方案原文"))
    }
}
