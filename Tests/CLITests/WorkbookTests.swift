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
        let (status, data, problem) = try python3(script, path)
        guard status == 0 else {
            Issue.record("openpyxl could not read \(path) (pip install openpyxl): \(problem)")
            return []
        }
        return (try JSONSerialization.jsonObject(with: data) as? [[String: Any]]) ?? []
    }

    /// `python3 -c SCRIPT ARGUMENT`: its exit status, its output and what it said on stderr (both
    /// pipes drained at once).
    func python3(_ script: String, _ argument: String) throws -> (Int32, Data, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, argument]
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let (data, problem) = CLI.drain(out, err)
        process.waitUntilExit()
        return (process.terminationStatus, data, String(decoding: problem, as: UTF8.self))
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
        let (status, data, problem) = try python3(script, path)
        #expect(status == 0, "openpyxl could not read the form (pip install openpyxl): \(problem)")
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

/// Workbooks in (issue 22, item 2): returns as spreadsheet programs save them, and hostile ones.
extension WorkbookTests {
    /// Runs a Python snippet (openpyxl and zipfile) with the folder as its argument.
    func python(_ script: String) throws {
        let (status, _, problem) = try python3(script, folder.path)
        #expect(status == 0, "python (pip install openpyxl): \(problem)")
    }

    func run(_ arguments: [String]) throws -> CLI.Result {
        try CLI.run(arguments, environment: ["RENEWAL_DB": folder.appending(path: "store.sqlite").path])
    }

    /// The month with workbooks only: the form out, filled by openpyxl (a figure, a milestone, a
    /// baseline, a date typed as text), imported, and the bulletin out as a workbook.
    @Test func theMonthWithWorkbooksOnly() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try run(["init"]).status == 0)
        let form = folder.appending(path: "工信局.xlsx").path
        #expect(try run(["template", "--unit", "工信局", "-o", form]).status == 0)
        try python(
            """
            import sys, openpyxl
            d = sys.argv[1]
            wb = openpyxl.load_workbook(d + '/工信局.xlsx')
            ws = wb['填报']
            for row in ws.iter_rows(min_row=3):
                base = str(row[1].value or '').endswith('（基数）')
                if base and row[0].value == 'G27-5': row[6].value = 62; row[11].value = 2023
                if base: continue
                if row[0].value == 'G27-2': row[6].value = 60; row[7].value = '推进改造'; row[5].value = '2026-10-31'
                if row[0].value == 'G27-3': row[6].value = '推进中'; row[7].value = '按计划推进'
            wb.save(d + '/filled.xlsx')
            """)
        let imported = try run(["import", folder.appending(path: "filled.xlsx").path])
        #expect(
            imported.status == 0 && imported.stdout.contains("已导入 3 条（xlsx）"), "\(imported.stdout)\(imported.stderr)")
        let db = folder.appending(path: "store.sqlite").path
        #expect(
            try CLI.sqlite(
                db, "SELECT group_concat(itemId || '|' || date || '|' || ifnull(value, milestone), ',') FROM entry")
                == "G27-2|2026-10-31|60.0,G27-3|"
                + (try CLI.sqlite(db, "SELECT date FROM entry WHERE itemId = 'G27-3'"))
                + "|inProgress,G27-5|2023-12-31|62.0")
        // Importing the same workbook again adds nothing.
        let again = try run(["import", folder.appending(path: "filled.xlsx").path])
        #expect(again.status == 0 && again.stdout.contains("跳过重复 3 条"), "\(again.stdout)")
        let bulletin = try run(["report", "-o", folder.appending(path: "通报.xlsx").path])
        #expect(bulletin.status == 0, "\(bulletin.stderr)")
        #expect(try openpyxl(folder.appending(path: "通报.xlsx").path).count == 5)
    }

    /// Saved as other programs save: the header under title rows on the second sheet (the first
    /// holds something else), dates as serial numbers in the 1904 system, a figure from a formula,
    /// empty trailing rows, hidden columns. A bad cell is named by sheet and cell; nothing stored.
    @Test func returnsAsSpreadsheetsSaveThem() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        try python(
            """
            import sys, datetime, openpyxl
            from openpyxl.utils.datetime import CALENDAR_MAC_1904
            d = sys.argv[1]
            wb = openpyxl.Workbook()
            wb.epoch = CALENDAR_MAC_1904
            notes = wb.active; notes.title = '说明'; notes['A1'] = '本表由市工信局填报'
            ws = wb.create_sheet('报表')
            ws['A1'] = '临清市进展报表'; ws.merge_cells('A1:D1')
            ws.append([])
            ws.append(['指标编号', '日期', '数值', '进展情况'])
            ws.append(['G27-2', datetime.date(2026, 10, 31), 60, '推进'])
            ws['B4'].number_format = 'yyyy/m/d'
            ws.append(['M02-1', '2026-10-31', 40, '培育'])
            ws.column_dimensions['D'].hidden = True
            for _ in range(5): ws.append([])
            wb.save(d + '/good.xlsx')
            ws['C5'] = 'x12'
            wb.save(d + '/bad.xlsx')
            """)
        let bad = try run(["import", folder.appending(path: "bad.xlsx").path])
        #expect(bad.status == 1 && bad.stderr.contains("bad.xlsx:报表!C5: 数值"), "\(bad.stderr)")
        #expect(bad.stderr.contains("未导入任何数据"))
        let english = try run(["import", folder.appending(path: "bad.xlsx").path, "--lang", "en"])
        #expect(english.stderr.contains("bad.xlsx:报表!C5: value"), "\(english.stderr)")
        let good = try run(["import", folder.appending(path: "good.xlsx").path])
        #expect(good.status == 0 && good.stdout.contains("已导入 2 条"), "\(good.stdout)\(good.stderr)")
        let db = folder.appending(path: "store.sqlite").path
        #expect(
            try CLI.sqlite(db, "SELECT group_concat(itemId || '|' || date || '|' || value, ',') FROM entry")
                == "G27-2|2026-10-31|60.0,M02-1|2026-10-31|40.0")
    }

    /// Hostile and wrong workbooks: each refused with a clear message, nothing stored.
    @Test func hostileWorkbooksAreRefusedCleanly() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        try python(
            """
            import sys, zipfile, openpyxl
            d = sys.argv[1]
            wb = openpyxl.Workbook(); ws = wb.active
            ws.append(['指标编号', '日期', '数值']); ws.append(['M02-1', '2026-10-31', 40])
            wb.save(d + '/whole.xlsx')
            data = open(d + '/whole.xlsx', 'rb').read()
            open(d + '/cut.xlsx', 'wb').write(data[: len(data) // 2])
            open(d + '/old.xls', 'wb').write(bytes([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) + bytes(600))
            z = zipfile.ZipFile(d + '/bomb.xlsx', 'w', zipfile.ZIP_DEFLATED)
            z.writestr('xl/workbook.xml', '<workbook><sheets><sheet name="a" r:id="rId1" xmlns:r="r"/></sheets></workbook>')
            z.writestr('xl/_rels/workbook.xml.rels', '<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>')
            z.writestr('xl/worksheets/sheet1.xml', b'<worksheet>' + b' ' * (80 << 20) + b'</worksheet>')
            z.close()
            z = zipfile.ZipFile(d + '/entities.xlsx', 'w')
            z.writestr('xl/workbook.xml', '<?xml version="1.0"?><!DOCTYPE lol [<!ENTITY a "aaaaaaaaaa">]><workbook>&a;</workbook>')
            z.close()
            rows = ''.join('<row r="%d"><c r="A%d" t="inlineStr"><is><t>M02-1</t></is></c></row>' % (i, i) for i in range(1, 200003))
            z = zipfile.ZipFile(d + '/tall.xlsx', 'w', zipfile.ZIP_DEFLATED)
            z.writestr('xl/workbook.xml', '<workbook><sheets><sheet name="a" r:id="rId1" xmlns:r="r"/></sheets></workbook>')
            z.writestr('xl/_rels/workbook.xml.rels', '<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>')
            z.writestr('xl/worksheets/sheet1.xml', '<worksheet><sheetData>' + rows + '</sheetData></worksheet>')
            z.close()
            """)
        for (file, message) in [
            ("cut.xlsx", "不是完整的 xlsx 工作簿"), ("old.xls", "另存为” .xlsx"), ("bomb.xlsx", "工作簿过大"),
            ("entities.xlsx", "DOCTYPE"), ("tall.xlsx", "超过 200000 行"),
        ] {
            let result = try run(["import", folder.appending(path: file).path])
            #expect(result.status == 1, "\(file)")
            #expect(result.stderr.contains(message), "\(file): \(result.stderr)")
        }
        // A refused import never creates the store.
        #expect(!FileManager.default.fileExists(atPath: folder.appending(path: "store.sqlite").path))
    }
}

/// Returns saved by LibreOffice itself (`.ci/run` installs libreoffice-calc-nogui; a machine without
/// it fails here with what to install, it does not skip).
extension WorkbookTests {
    /// `soffice --headless --convert-to xlsx`, with a profile of its own (tests run side by side).
    func libreOffice(_ file: String, filter: String? = nil) throws -> String {
        let out = folder.appending(path: "lo-out").path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments =
            ["soffice", "-env:UserInstallation=file://\(folder.path)/lo-profile", "--headless"]
            + (filter.map { ["--infilter=\($0)"] } ?? []) + ["--convert-to", "xlsx", "--outdir", out, file]
        process.environment = ProcessInfo.processInfo.environment.merging(["HOME": folder.path]) { $1 }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        let made = (out as NSString).appendingPathComponent(
            ((file as NSString).lastPathComponent as NSString).deletingPathExtension + ".xlsx")
        #expect(
            process.terminationStatus == 0 && FileManager.default.fileExists(atPath: made),
            "soffice could not convert \(file) (apt-get install libreoffice-calc-nogui)")
        return made
    }

    /// The example return saved by LibreOffice as a workbook imports exactly as the CSV does: the
    /// same entries, figure for figure and word for word.
    @Test func aReturnSavedByLibreOfficeImportsAsItsCSVDoes() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let workbook = try libreOffice(CLI.example, filter: "CSV:44,34,76")
        let fromCSV = folder.appending(path: "csv.sqlite").path
        let fromWorkbook = folder.appending(path: "xlsx.sqlite").path
        let csv = try CLI.run(["import", CLI.example], environment: ["RENEWAL_DB": fromCSV])
        let xlsx = try CLI.run(["import", workbook], environment: ["RENEWAL_DB": fromWorkbook])
        #expect(csv.status == 0 && xlsx.status == 0, "\(csv.stderr)\(xlsx.stderr)")
        let columns =
            "SELECT group_concat(itemId || '|' || date || '|' || ifnull(value, '') || '|' || ifnull(milestone, '') || '|' "
            + "|| progress || '|' || problems || '|' || nextSteps || '|' || ifnull(reportingUnit, '') || '|' "
            + "|| ifnull(baselineYear, ''), char(10)) FROM (SELECT * FROM entry ORDER BY id)"
        let expected = try CLI.sqlite(fromCSV, columns)
        #expect(expected.split(separator: "\n").count >= 30)
        #expect(try CLI.sqlite(fromWorkbook, columns) == expected)
    }

    /// A figure typed as a formula: LibreOffice saves its value with it, and that value is read.
    @Test func aFormulaIsReadByItsSavedValue() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        try python(
            """
            import sys, openpyxl
            d = sys.argv[1]
            wb = openpyxl.Workbook(); ws = wb.active
            ws.append(['指标编号', '日期', '数值', '进展情况'])
            ws.append(['G27-2', '2026-10-31', '=50+10', '公式'])
            wb.save(d + '/formula.xlsx')
            """)
        let saved = try libreOffice(folder.appending(path: "formula.xlsx").path)
        let result = try run(["import", saved])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try CLI.sqlite(folder.appending(path: "store.sqlite").path, "SELECT value FROM entry") == "60.0")
    }
}

extension WorkbookTests {
    /// The dashboard's import (`i`): a workbook typed as a path is checked and stored as
    /// `renewal import` does, and a bad one stores nothing and says where.
    @Test func theDashboardImportsAWorkbook() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        try python(
            """
            import sys, openpyxl
            d = sys.argv[1]
            wb = openpyxl.Workbook(); ws = wb.active; ws.title = '填报'
            ws.append(['指标编号', '日期', '数值', '进展情况'])
            ws.append(['M02-1', '2026-10-31', 41, '新培育'])
            wb.save(d + '/good.xlsx')
            ws['C2'] = 'abc'
            wb.save(d + '/bad.xlsx')
            """)
        let pane = try TmuxPane(["--as-of", CLI.today])
        pane.wait(for: "十二、保障措施")
        try pane.keys("i")
        pane.wait(for: "导入填好的报表")
        try pane.type(folder.appending(path: "bad.xlsx").path)
        try pane.keys("Enter")
        pane.wait(for: "bad.xlsx:填报!C2")
        #expect(try CLI.sqlite(pane.storePath, "SELECT count(*) FROM entry") == "0")
        try pane.keys("i")
        pane.wait(for: "导入填好的报表")
        try pane.type(folder.appending(path: "good.xlsx").path)
        try pane.keys("Enter")
        pane.wait(for: "已导入 1 条")
        #expect(try CLI.sqlite(pane.storePath, "SELECT itemId || '|' || value FROM entry") == "M02-1|41.0")
        try pane.keys("C-c")
        pane.wait(for: "EXIT:")
    }
}
