import RenewalModel
import RenewalStore

extension Workspace {
    /// Records one entry by the rules every writer shares, decided inside the store's write
    /// transaction (with the judging digest brought up to date there): a repeat adds nothing, another
    /// figure for the same item and day needs a correction. A correction must say why and name
    /// a stored entry of the same item; it is appended (一事一记), never written over.
    public func record(_ entry: NewEntry) throws -> Recorded {
        if let corrects = entry.corrects {
            guard let reason = entry.reason, !reason.trimmingCharacters(in: .whitespaces).isEmpty else {
                throw AppError(RecordingText.correctionNeedsReason)
            }
            guard let original = try store.entry(id: corrects) else {
                throw AppError(
                    "进展库中没有编号为 \(Quoted(corrects)) 的记录；可用 renewal history \(entry.itemId) 查看",
                    "the store has no entry \(Quoted(corrects)); see renewal history \(entry.itemId)")
            }
            guard original.itemId == entry.itemId else {
                throw AppError(
                    "#\(corrects) 号记录属于 \(original.itemId)，不是 \(entry.itemId)",
                    "entry #\(corrects) is for \(original.itemId), not \(entry.itemId)")
            }
        } else if entry.reason != nil {
            throw AppError("更正原因只与更正一起填写", "a reason goes with a correction")
        }
        // A figure stands for its whole indicator series: another figure on a target of it that
        // day conflicts as on the item itself.
        return try store.record(entry, among: Set(plan.seriesItems(of: entry.itemId)))
    }

    /// A stored figure as messages quote it: the value with the target's unit, or the milestone's state.
    public func figure(of entry: ProgressEntry, _ language: Language) -> String {
        entry.value.map { NumberText.format($0) + (plan.target(id: entry.itemId)?.entryUnit ?? "") }
            ?? entry.milestone?.label(language) ?? "-"
    }
}

/// What recording says, the same from the command line and the dashboard.
public enum RecordingText {
    public static let correctionNeedsReason = Phrase(
        "更正需要说明原因", "a correction needs its reason: say why the entry is corrected")

    /// Nothing recorded: the same entry stands.
    public static func duplicate(_ existing: ProgressEntry) -> Phrase {
        Phrase("与已有记录 #\(existing.id) 完全相同，未重复记录", "Same as entry #\(existing.id); nothing recorded")
    }

    /// Nothing recorded: another figure stands for the item and day. `figure` quotes it (empty:
    /// not quoted); `how` says how to correct it where the user is.
    public static func conflict(
        _ entry: NewEntry, with existing: ProgressEntry, figure: Phrase?, how: Phrase
    ) -> Phrase {
        let quotedZh = figure.map { "（\($0.zh)）" } ?? "", quotedEn = figure.map { " (\($0.en))" } ?? ""
        let start =
            existing.itemId == entry.itemId
            ? Phrase(
                "\(entry.itemId) 在 \(entry.date) 已有记录 #\(existing.id)\(quotedZh)，数值不同；",
                "\(entry.itemId) already has entry #\(existing.id) for \(entry.date)\(quotedEn) with another figure; ")
            : Phrase(
                "\(entry.itemId) 与 \(existing.itemId) 报送同一指标，\(existing.itemId) 在 \(entry.date) 已有记录 "
                    + "#\(existing.id)\(quotedZh)，数值不同；",
                "\(entry.itemId) reports the same figure as \(existing.itemId), which already has entry "
                    + "#\(existing.id) for \(entry.date)\(quotedEn) with another figure; ")
        guard let corrects = entry.corrects else { return Phrase(start.zh + how.zh, start.en + how.en) }
        return Phrase(
            start.zh + "更正 #\(corrects) 不能覆盖它：请先更正 #\(existing.id)，或改用其他日期",
            start.en + "correcting #\(corrects) cannot override it: correct #\(existing.id) first, or use another date")
    }
}
