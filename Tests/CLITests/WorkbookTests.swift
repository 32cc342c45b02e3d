import Foundation
import Testing

/// Workbooks out (issue 22, item 3): the bulletin as .xlsx, read back by openpyxl — a second,
/// independent reader (`.ci/run` installs it; a machine without it fails here, it does not skip).
@Suite("Workbooks", .serialized)
struct WorkbookTests {
    let folder: URL

    init() throws {
        folder = FileManager.default.temporaryDirectory.appending(path: "renewal-xlsx-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    /// What openpyxl reads from a workbook, as JSON: each sheet's name, frozen cell, printed title
    /// rows, orientation, paper, and its cells with their types and fills.
    func openpyxl(_ path: String) throws -> [[String: Any]] {
        let script = """
            import json, sys, datetime, openpyxl
            wb = openpyxl.load_workbook(sys.argv[1])
            out = []
            for ws in wb.worksheets:
                cells = []
                for row in ws.iter_rows():
                    line = []
                    for c in row:
                        v = c.value
                        kind = type(v).__name__
                        if isinstance(v, datetime.datetime): v = v.date().isoformat()
                        fill = c.fill.fgColor.rgb if c.fill is not None and c.fill.fill_type == 'solid' else None
                        line.append({'v': v, 't': kind, 'fill': fill})
                    cells.append(line)
                out.append({'name': ws.title, 'freeze': ws.freeze_panes, 'titles': ws.print_title_rows,
                            'orientation': ws.page_setup.orientation, 'paper': str(ws.page_setup.paperSize),
                            'cells': cells})
            print(json.dumps(out, ensure_ascii=False))
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, path]
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        let problem = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            Issue.record("openpyxl could not read \(path) (pip install openpyxl): \(problem)")
            return []
        }
        return (try JSONSerialization.jsonObject(with: data) as? [[String: Any]]) ?? []
    }

    func cells(_ sheet: [String: Any]) -> [[[String: Any]]] { sheet["cells"] as? [[[String: Any]]] ?? [] }

    @Test func theBulletinWorkbookReadsBackWithItsSheetsFillsNumbersAndDates() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appending(path: "通报.xlsx").path
        let made = try CLI.run(["report", "--demo", "--as-of", "2026-12-05", "-o", path])
        #expect(made.status == 0, "\(made.stderr)")
        let sheets = try openpyxl(path)
        #expect(sheets.map { $0["name"] as? String ?? "" } == ["总体情况", "与上期相比", "逾期滞后及临期", "督办事项", "报送情况"])
        for sheet in sheets {
            #expect(sheet["freeze"] as? String == "A4", "\(sheet["name"] ?? "")")
            #expect(sheet["orientation"] as? String == "landscape" && sheet["paper"] as? String == "9")
            #expect((sheet["titles"] as? String)?.hasSuffix("$3") == true, "the header repeats on every page")
            let first = cells(sheet).first?.first?["v"] as? String ?? ""
            #expect(first.contains("示例数据"), "\(sheet["name"] ?? ""): \(first)")
        }
        let late = cells(sheets[2])
        let m062 = try #require(late.first { $0.count > 8 && $0[1]["v"] as? String == "M06-2" })
        #expect(m062[3]["v"] as? String == "✖ 逾期未完成" && m062[3]["fill"] as? String == "FFF4B6B6")
        #expect(m062[6]["t"] as? String == "int" || m062[6]["t"] as? String == "float", "the actual is a number")
        #expect(m062[8]["v"] as? String == "2025-12-31" && m062[8]["t"] as? String == "datetime")
        // Every status cell is filled with its light.
        let fills = ["✖": "FFF4B6B6", "⚠": "FFF4B6B6", "◔": "FFFFE699", "⧖": "FF9DC3E6", "⊘": "FFD5B4E8"]
        for row in late.dropFirst(3) {
            let status = row[3]["v"] as? String ?? ""
            if let mark = fills.keys.first(where: { status.hasPrefix($0) }) {
                #expect(row[3]["fill"] as? String == fills[mark], "\(status)")
            }
        }
        let flags = cells(sheets[3])
        #expect(flags.contains { $0.count > 4 && ($0[4]["v"] as? String)?.hasPrefix("超期未反馈") == true })
        let situation = cells(sheets[0])
        #expect(situation.dropFirst(3).allSatisfy { $0[1]["t"] as? String == "int" }, "counts are numbers")
    }

    /// A workbook the user names is theirs, as every file (`UserFile`): through a symbolic link the
    /// link stays and its target gets the workbook; a file with a second (hard) link is written
    /// into, so both names see it; the mode is kept.
    @Test func anExistingWorkbookIsWrittenIntoNotReplaced() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appending(path: "通报.xlsx").path
        let link = folder.appending(path: "link.xlsx").path
        let second = folder.appending(path: "second.xlsx").path
        try Data("old".utf8).write(to: URL(fileURLWithPath: path))
        try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: path)
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: path)
        try FileManager.default.linkItem(atPath: path, toPath: second)
        let before = try FileManager.default.attributesOfItem(atPath: path)[.systemFileNumber] as? Int
        let made = try CLI.run(["report", "--demo", "--as-of", "2026-12-05", "--format", "xlsx", "-o", link])
        #expect(made.status == 0, "\(made.stderr)")
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        #expect(attributes[.systemFileNumber] as? Int == before, "the same file")
        #expect((attributes[.posixPermissions] as? Int) == 0o640)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == path, "the link is kept")
        #expect(try openpyxl(path).count == 5)
        #expect(try openpyxl(second).count == 5, "the other name of the same file")
    }
}

extension WorkbookTests {
    /// The return form as a workbook, read back by openpyxl: protected, the fill cells unlocked,
    /// drop-downs, a date cell; and a folder of forms, one per unit.
    @Test func theReturnFormWorkbookReadsBack() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appending(path: "工信局.xlsx").path
        let made = try CLI.run(["template", "--unit", "工信局", "-o", path])
        #expect(made.status == 0, "\(made.stderr)")
        let script = """
            import json, sys, openpyxl
            wb = openpyxl.load_workbook(sys.argv[1])
            ws = wb['填报']
            rows = [[(c.value.isoformat()[:10] if hasattr(c.value, 'isoformat') else c.value, c.protection.locked)
                     for c in row] for row in ws.iter_rows()]
            rules = [(dv.type, dv.formula1, str(dv.sqref)) for dv in ws.data_validations.dataValidation]
            print(json.dumps({'sheets': wb.sheetnames, 'protected': ws.protection.sheet,
                              'freeze': ws.freeze_panes, 'rows': rows, 'rules': rules}, ensure_ascii=False))
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, path]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "openpyxl could not read the form (pip install openpyxl)")
        let read = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(read["sheets"] as? [String] == ["填报", "填报说明"])
        #expect(read["protected"] as? Bool == true && read["freeze"] as? String == "A3")
        let rows = try #require(read["rows"] as? [[[Any]]])
        #expect((rows[1].map { $0[0] as? String ?? "" }).starts(with: ["指标编号", "指标名称", "目标值"]))
        let g272 = try #require(rows.first { $0.first?.first as? String == "G27-2" })
        #expect(g272[0][1] as? Bool == true, "the id is locked")
        #expect(g272[6][1] as? Bool == false, "the figure is to fill")
        #expect((g272[5][0] as? String)?.hasSuffix("-30") == true || (g272[5][0] as? String)?.hasSuffix("-31") == true)
        let rules = try #require(read["rules"] as? [[Any]])
        #expect(rules.contains { $0[0] as? String == "list" && ($0[1] as? String)?.contains("市工业和信息化局") == true })
        #expect(rules.contains { $0[0] as? String == "list" && $0[1] as? String == "\"推进中,完成\"" })
        // Every unit at once, into a folder.
        let forms = folder.appending(path: "forms").path + "/"
        let all = try CLI.run(["template", "--format", "xlsx", "-o", forms])
        #expect(all.status == 0, "\(all.stderr)")
        let files = try FileManager.default.contentsOfDirectory(atPath: forms).filter { $0.hasSuffix(".xlsx") }
        #expect(files.count == 20 && files.contains("工信局.xlsx"), "\(files)")
    }
}
