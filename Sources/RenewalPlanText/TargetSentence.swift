import RenewalModel

/// A target read from a plan's sentence, as a draft a person checks (请核对): what the sentence
/// says, not yet tied to a programme, a measure or an id.
public struct DraftTarget: Sendable, Equatable {
    /// The sentence it came from, as written (normalised), and the clause that states it.
    public var sentence: String
    public var clause: String
    /// What is measured, with its goal: "新能源汽车保有量达到1万辆以上".
    public var description: String
    public var kind: TargetKind
    public var style: TargetStyle
    public var value: Double?
    public var unit: String?
    public var comparator: GoalComparator?
    /// The words that set the comparator, as written (以上, 不低于, 超过, 左右 …).
    public var comparatorText: String?
    /// The year it is due by (到2025年, 到2026年底); nil for a target of every year.
    public var year: Int?
    /// 每年: the goal applies again every year.
    public var annual: Bool
    /// 较2023年: the year a relative goal is measured from.
    public var baselineYear: Int?
    /// Where a person must look before the draft becomes the plan.
    public var checks: [Phrase]
}

/// Finds the dated target sentences of a plan's text and reads each into `DraftTarget`s.
///
/// A sentence is dated when it says by when (到2025年, 到2026年底, 到2025年、2027年) or that its goal
/// holds every year (每年). Its clauses (split at ，；) then carry the targets: every figure that is
/// not a year, with its unit, comparator and style; a clause with no figure that states an outcome
/// (基本淘汰, 全面更新, 建成…, 大幅提升) is a qualitative target. 分别 pairs subjects or years with
/// values in order. A clause with a figure but no subject ("较2023年增长20%" after "达到2.8万")
/// takes the previous clause's subject: one indicator, two targets.
public enum TargetSentences {
    public static func find(in text: String) -> [DraftTarget] {
        PlanParagraphs.split(text).flatMap { paragraph in
            sentences(of: paragraph).flatMap(targets(in:))
        }
    }

    /// The sentences of a paragraph, each ending with its 。 (dropped).
    static func sentences(of paragraph: String) -> [String] {
        paragraph.split(separator: "。").map(String.init).filter { !$0.isEmpty }
    }

    static func targets(in sentence: String) -> [DraftTarget] {
        let dates = SentenceDates.read(sentence)
        guard !dates.years.isEmpty || dates.annual else { return [] }
        var found: [DraftTarget] = []
        var subject: String?
        var years = dates.years
        for rawClause in clauses(of: sentence) {
            let (clauseYears, clause) = SentenceDates.strip(rawClause)
            if !clauseYears.isEmpty { years = clauseYears }
            guard !clause.isEmpty else { continue }
            let reading = ClauseReading(clause: clause, inheritedSubject: subject)
            let made = reading.targets(years: years, annual: dates.annual && years.isEmpty)
            for var target in made {
                target.sentence = sentence
                target.clause = rawClause
                found.append(target)
            }
            if let own = reading.subject, !own.isEmpty { subject = own }
        }
        return found
    }

    /// Clauses split at ， and ；, but not inside brackets (（牵头单位：…，…）).
    static func clauses(of sentence: String) -> [String] {
        var clauses: [String] = []
        var current = ""
        var depth = 0
        for character in sentence {
            switch character {
            case "（": depth += 1
            case "）": depth = max(0, depth - 1)
            default: break
            }
            if depth == 0, character == "，" || character == "；" {
                clauses.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        clauses.append(current)
        return clauses.filter { !$0.isEmpty }
    }
}
