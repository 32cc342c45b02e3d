import Foundation
import RenewalModel
import RenewalStore
import Testing

/// Format 2 of the plan file (PLAN-FORMAT.md, issue 24): Linqing's plan upgraded with nothing lost,
/// format 1 still read, shapes the model cannot judge yet refused with where and why.
@Suite("The plan format, version 2")
struct PlanDocumentTests {
    static func encoded(_ document: PlanDocument) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return try encoder.encode(document)
    }

    @Test func linqingsPlanRoundTripsThroughFormat2WithNothingLost() throws {
        let plan = try PlanLoader.embedded()
        let document = PlanDocument(upgrading: plan)
        let back = try PlanDocument.plan(json: try Self.encoded(document))
        #expect(back == plan)
        // Every id, label, unit, target and figure, compared field by field (Plan's == does).
        #expect(back.allTargets == plan.allTargets)
        #expect(back.measures.map(\.leadUnits) == plan.measures.map(\.leadUnits))
        #expect(back.measures.map(\.responsibleUnits) == plan.measures.map(\.responsibleUnits))
        #expect(back.units == plan.units && back.titleEn == plan.titleEn)
        // Labels as written; targets carry their style.
        #expect(document.nodes.map(\.label).prefix(3) == ["一、", "二、", "三、"])
        #expect(document.nodes[1].children?.first?.label == "（一）")
        let styles = Dictionary(
            uniqueKeysWithValues: document.nodes.flatMap {
                ($0.targets ?? []) + ($0.children ?? []).flatMap { $0.targets ?? [] }
            }
            .map { ($0.target.id, $0.style) })
        #expect(styles["G27-7"] == .growthOnBase && styles["G25-3"] == .qualitative && styles["M02-1"] == .absolute)
        #expect(styles.count == plan.allTargets.count)
        // The fingerprint's bytes (format 1) still load as before.
        let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appending(path: "Data/plan.json")
        #expect(try PlanDocument.plan(json: try Data(contentsOf: file)) == plan)
    }

    /// Linqing's plan in format 2, kept in the repository (Data/examples/plans/linqing.json): the
    /// same plan as the built-in one, and what `renewal plan upgrade` writes today, byte for byte
    /// (the golden outputs are also checked on it: `GoldenOutputTests`).
    @Test func linqingsPlanInFormat2IsTheBuiltInPlan() throws {
        let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appending(path: "Data/examples/plans/linqing.json")
        let stored = try Data(contentsOf: file)
        let plan = try PlanLoader.embedded()
        #expect(try PlanLoader.load(json: stored) == plan)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .withoutEscapingSlashes, .sortedKeys]
        let written = try encoder.encode(PlanDocument(upgrading: plan)) + Data("\n".utf8)
        #expect(written == stored, "renewal plan upgrade -o Data/examples/plans/linqing.json writes it again")
    }

    @Test func itemsJoinTheirMeasureAndAMeasureOutsideAProgrammeIsRefusedWithWhere() throws {
        var document = PlanDocument(upgrading: try PlanLoader.embedded())
        var measure = try #require(document.nodes[1].children?.first)
        let itemTarget = Target(
            id: "M01.1-1", description: "细项目标", descriptionEn: "", source: "细项目标", kind: .milestone,
            deadline: Day.endOfYear(2025))
        measure.children = [
            PlanNode(
                id: "M01.1", label: "1.", title: "细项", kind: .item,
                units: [NodeUnit(unit: "kjj", role: .cooperating)],
                targets: [NodeTarget(target: itemTarget, style: .qualitative)])
        ]
        document.nodes[1].children?[0] = measure
        let plan = try PlanDocument.plan(json: try Self.encoded(document))
        let first = try #require(plan.measures.first)
        #expect(first.targets.last?.id == "M01.1-1", "an item's target is its measure's")
        #expect(first.text.hasSuffix("1.细项"), "an item's heading is a line of its measure's text")
        #expect(first.otherUnits == [NodeUnit(unit: "市科技局", role: .cooperating)], "named by id, kept by name")

        var misplaced = PlanDocument(upgrading: try PlanLoader.embedded())
        misplaced.nodes[0].children = [PlanNode(id: "X1", label: "（一）", title: "无所属", kind: .measure)]
        #expect {
            _ = try PlanDocument.plan(json: try Self.encoded(misplaced))
        } throws: { error in
            guard case let .invalid(path, reason) = error as? PlanError else { return false }
            return path == "nodes[0].children[0].kind" && reason.zh.contains("工程") && reason.en.contains("programme")
        }
        #expect {
            _ = try PlanDocument.plan(json: Data(#"{"format": 3}"#.utf8))
        } throws: { error in
            guard case let .invalid(path, reason) = error as? PlanError else { return false }
            return path == "format" && reason.en.contains("newer renewal")
        }
        // A missing required field names its path.
        #expect {
            _ = try PlanDocument.plan(json: Data(#"{"format": 2, "document": {"title": "t"}}"#.utf8))
        } throws: { error in
            guard case let .invalid(path, _) = error as? PlanError else { return false }
            return path == "period"
        }
    }
}
