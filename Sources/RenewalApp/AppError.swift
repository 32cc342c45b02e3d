import RenewalModel
import RenewalStore
import RenewalText

/// A user mistake or unusable input, said in both languages: the commands print it on stderr
/// and exit 1; the dashboard shows it on its message line.
public struct AppError: Error, CustomStringConvertible, Sendable {
    public let phrase: Phrase

    public init(_ zh: String, _ en: String) {
        phrase = Phrase(zh, en)
    }

    public init(_ phrase: Phrase) {
        self.phrase = phrase
    }

    public var description: String { phrase.zh }

    /// A store whose entries belong to another plan than the one in use (`Workspace.checkPlan`).
    static func otherPlan(recorded: StorePlan, current: StorePlan, store: any ProgressStore) -> AppError {
        let location = ControlCharacters.visible(store.location)
        return AppError(
            "进展库 \(location) 的数据属于\(recorded.shown.zh)，当前方案是\(current.shown.zh)：不能用另一方案判定这些数据。"
                + "请用 --plan 或 RENEWAL_PLAN 指定原方案；确要让此进展库改随当前方案，运行 renewal store plan --adopt",
            "the entries in store \(location) belong to \(recorded.shown.en), but the plan in use is "
                + "\(current.shown.en): they cannot be judged against another plan. Name their plan with --plan or "
                + "RENEWAL_PLAN; to make this store follow the plan in use, run renewal store plan --adopt")
    }

    /// What any error says to the user, in both languages: ours, the store's and a return's
    /// carry their own words; anything else is an unexpected error, its text made visible.
    public static func phrase(for error: any Error) -> Phrase {
        switch error {
        case let error as AppError: return error.phrase
        case let error as StoreError: return error.phrase
        case let error as Phrase: return error
        case let error as EntriesError:
            return Phrase(error.lines(.zh).joined(separator: "\n"), error.lines(.en).joined(separator: "\n"))
        default:
            let text = ControlCharacters.visible("\(error)")
            return Phrase("意外错误：\(text)", "unexpected error: \(text)")
        }
    }

    /// `phrase(for:)` in one language.
    public static func text(_ error: any Error, _ language: Language) -> String {
        phrase(for: error).text(language)
    }
}
