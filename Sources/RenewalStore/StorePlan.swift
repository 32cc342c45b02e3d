import RenewalModel

/// Which plan a store's entries belong to (issue 24, item 4): the plan file's fingerprint, its
/// 文号 and title, recorded by the first command that writes with it. A store is judged only
/// against its own plan: another document is refused (`Workspace` says which and how to
/// proceed); a revised file of the same document is judged, and said so.
public struct StorePlan: Sendable, Equatable, Codable {
    /// `PlanFingerprint` of the plan file's bytes.
    public var fingerprint: String
    /// 文号, when the plan file gives one (format 2's `document.number`).
    public var documentNumber: String?
    public var title: String
    /// When it was recorded (ISO 8601 with offset); nil for a plan not yet recorded.
    public var recordedAt: String?

    public init(fingerprint: String, documentNumber: String?, title: String, recordedAt: String? = nil) {
        self.fingerprint = fingerprint
        self.documentNumber = documentNumber
        self.title = title
        self.recordedAt = recordedAt
    }

    public init(plan: Plan, fingerprint: String) {
        self.init(fingerprint: fingerprint, documentNumber: plan.documentNumber, title: plan.title)
    }

    /// How a plan in use stands to the one recorded.
    public enum Relation: Sendable, Equatable {
        /// The same file.
        case same
        /// Another file of the same document (a corrected figure, format 1 upgraded to 2): the
        /// same 文号, or the same title where either file gives none.
        case revised
        /// Another document.
        case other
    }

    /// How `current` stands to this recorded plan.
    public func relation(to current: StorePlan) -> Relation {
        if fingerprint == current.fingerprint { return .same }
        if let number = documentNumber, let other = current.documentNumber {
            return number == other ? .revised : .other
        }
        return title == current.title ? .revised : .other
    }

    /// 《title》（文号） as messages name it.
    public var shown: Phrase {
        Phrase(
            "《\(title)》" + (documentNumber.map { "（\($0)）" } ?? ""),
            "“\(title)”" + (documentNumber.map { " (\($0))" } ?? ""))
    }
}
