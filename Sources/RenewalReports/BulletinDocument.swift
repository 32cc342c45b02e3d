import RenewalModel

/// The bulletin laid out once, independent of format: a banner, a title, and numbered sections of
/// paragraphs, sub-headings, tables and lists. Markdown and HTML are two printings of it.
public struct BulletinDocument: Sendable {
    /// The sample-data notice: its first words are emphasised.
    public var banner: (lead: String, rest: String)?
    public var title: String
    public var subtitle: String
    public var sections: [Section]

    public struct Section: Sendable {
        public var heading: String
        public var blocks: [Block]
    }

    public enum Block: Sendable {
        case paragraph(String)
        case subheading(String)
        case table(Table)
        /// Items with an emphasised lead (an id) and their text.
        case list([(lead: String?, text: String)])
    }

    public struct Table: Sendable {
        public enum Kind: Sendable { case text, number, status }
        public var columns: [(title: String, kind: Kind)]
        /// Each row's status (it colours the status cell in print) and its cells.
        public var rows: [(status: Status, cells: [String])]
    }
}

extension Bulletin {
    /// The bulletin's content in reading order (DESIGN §1: situation, what changed item by item,
    /// highlights, late items by lead unit, flags, units that have not reported).
    public func document() -> BulletinDocument {
        let c = context
        let banner =
            c.isSample
            ? (
                c.pick("示例数据", "Sample data"),
                c.pick("：以下为虚构的示例数据，仅供演示，不代表实际进展。", ": fictional figures for demonstration only.")
            )
            : nil
        let none = BulletinDocument.Block.paragraph(c.pick("无。", "None."))

        let situationTable = BulletinDocument.Table(
            columns: [
                (c.pick("状态", "Status"), .status), (c.pick("指标数", "Targets"), .number),
                (c.pick("上期", "Previous"), .number), (c.pick("变化", "Change"), .number),
            ],
            rows: situation.filter { $0.count > 0 || $0.previous > 0 }.map { line in
                (
                    line.status,
                    ["\(line.status.mark) \(line.label)", "\(line.count)", "\(line.previous)", signed(line.change)]
                )
            })

        let highlightBlocks: [BulletinDocument.Block] =
            highlights.isEmpty
            ? [.paragraph(c.pick("本期无新完成或超序时进度的指标。", "Nothing newly done or ahead of schedule."))]
            : [.list(highlights.map { (lead: $0.id, text: "\($0.description)：\(highlightText($0))") })]

        var lateBlocks: [BulletinDocument.Block] = overdue.isEmpty ? [none] : []
        for group in overdue {
            lateBlocks.append(.subheading("\(groupName(group))（\(group.items.count)）"))
            lateBlocks.append(
                .table(
                    BulletinDocument.Table(
                        columns: [
                            (c.pick("编号", "Id"), .text), (c.pick("指标", "Target"), .text),
                            (c.pick("状态", "Status"), .status),
                            (c.pick("应达", "Due"), .number), (c.pick("实际", "Actual"), .number),
                            (c.pick("差距", "Gap"), .number),
                            (c.pick("截止日期", "Deadline"), .text),
                        ],
                        rows: group.items.map { row in
                            (
                                row.status,
                                [
                                    row.id, row.description + period(row) + coLeads(row),
                                    "\(row.status.mark) \(row.statusLabel)", due(row), actual(row), gap(row),
                                    row.deadline ?? "-",
                                ]
                            )
                        })))
        }

        let flagBlocks: [BulletinDocument.Block] =
            flagged.isEmpty
            ? [none]
            : [
                .list(
                    flagged.map { item in
                        let follow = item.flag.followUp.map { c.pick("，反馈期限 \($0)", ", follow up by \($0)") } ?? ""
                        let day = Day.shown(timestamp: item.flag.flaggedAt)
                        let raised = "\(item.flag.flaggedBy)\(c.pick("，", ", "))\(day)\(follow)"
                        // The latest reply, naming the unit that gave it.
                        let reply =
                            item.latestReply.map { reply in
                                let who = [reply.unit.map { c.unitName($0) }, Day.shown(timestamp: reply.at)]
                                    .compactMap { $0 }.joined(separator: c.pick("，", ", "))
                                return c.pick("；反馈（\(who)）：", "; reply (\(who)): ") + reply.note
                            } ?? ""
                        return (
                            lead: item.flag.itemId,
                            text: c.pick(
                                "\(item.title)（\(item.status.mark) \(item.statusLabel)，\(item.replyState)）："
                                    + "\(item.flag.note)（\(raised)）" + reply,
                                "\(item.title) (\(item.status.mark) \(item.statusLabel), \(item.replyState)): "
                                    + "\(item.flag.note) (\(raised))" + reply)
                        )
                    })
            ]

        var silentBlocks: [BulletinDocument.Block] = [
            .paragraph(
                c.pick(
                    "以下单位牵头的未完成事项在 \(periodStart) 至 \(asOf) 期间均无报送：",
                    "Units none of whose unfinished items has a report dated \(periodStart) to \(asOf):"))
        ]
        silentBlocks.append(
            notReported.isEmpty
                ? .paragraph(c.pick("各牵头单位均已报送。", "Every lead unit has reported."))
                : .list(
                    notReported.map { unit in
                        let last =
                            unit.lastReport.map { c.pick("最近一次报送 \($0)", "last report \($0)") }
                            ?? c.pick("从未报送", "never reported")
                        return (
                            lead: nil,
                            text: c.unitName(unit.unit) + c.pick("（牵头 \(unit.items) 项，", " (leads \(unit.items), ")
                                + last + c.pick("）", ")")
                        )
                    }))

        var changeBlocks: [BulletinDocument.Block] =
            changes.groups.isEmpty ? [.paragraph(c.pick("没有状态变化。", "No status changed."))] : []
        for group in changes.groups {
            changeBlocks.append(.subheading("\(group.label)（\(group.items.count)）"))
            changeBlocks.append(
                .list(
                    group.items.map {
                        (lead: $0.id, text: "\($0.description)：\(StatusChanges.transition($0, c.language))")
                    }))
        }

        return BulletinDocument(
            banner: banner, title: title,
            subtitle: c.pick("截至 \(asOf)（上期 \(previousAsOf)）", "As of \(asOf) (previous: \(previousAsOf))"),
            sections: [
                .init(
                    heading: c.pick("一、总体情况", "1. Overall situation"),
                    blocks: [.paragraph(situationSentence()), .table(situationTable)]),
                .init(heading: c.pick("二、与上期相比", "2. Changes since the previous bulletin"), blocks: changeBlocks),
                .init(heading: c.pick("三、工作亮点", "3. Highlights"), blocks: highlightBlocks),
                .init(heading: c.pick("四、逾期、滞后及临期事项", "4. Overdue, lagging and due-soon items"), blocks: lateBlocks),
                .init(heading: c.pick("五、督办事项", "5. Flagged for supervision"), blocks: flagBlocks),
                .init(heading: c.pick("六、未报送单位", "6. Units that have not reported"), blocks: silentBlocks),
            ])
    }

    /// The bulletin as plain text for WeChat and e-mail (no markup).
    public func plainText() -> String { BulletinText.render(document(), context.language) }

    /// The bulletin as Markdown (GitHub tables), every text from the store escaped.
    public func markdown() -> String { BulletinMarkdown.render(document()) }

    /// A single self-contained HTML file that prints well (A4, tables unbroken, no external assets).
    public func html() -> String { BulletinHTML.render(document(), language: context.language) }
}
