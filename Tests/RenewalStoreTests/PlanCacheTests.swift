import Foundation
import RenewalModel
import RenewalWorkload
import Testing

@testable import RenewalStore

/// Plan files decoded once and kept in the user's cache folder (issue 14): the cached plan is
/// the plan, an edited file is decoded again, and a damaged cache file is ignored, never a crash.
@Suite("Plan cache")
struct PlanCacheTests {
    let plan = try! PlanLoader.embedded()

    @Test func theBinaryFormReadsBackAsThePlan() throws {
        #expect(try PlanBinary.decode(Data(PlanBinary.encode(plan))) == plan)
        let province = Workload.plan(plan, counties: 5)
        #expect(try PlanBinary.decode(Data(PlanBinary.encode(province))) == province)
    }

    @Test func aDamagedCacheFileIsAnErrorNeverACrash() {
        let bytes = PlanBinary.encode(plan)
        // Every cut of the file, at steps that land inside headers, lengths and texts.
        for end in stride(from: 0, to: bytes.count, by: 97) {
            #expect(throws: PlanBinary.Malformed.self) { try PlanBinary.decode(Data(bytes[..<end])) }
        }
        // Bytes overwritten at random: an error or, where only text changed, some plan.
        var random = Workload.Random(state: 7)
        for _ in 0..<400 {
            var damaged = bytes
            for _ in 0..<3 {
                let at = Int(random.next() % UInt64(damaged.count))
                damaged[at] = UInt8(truncatingIfNeeded: random.next())
            }
            _ = try? PlanBinary.decode(Data(damaged))
        }
        // A length that claims more than the file holds.
        var huge = PlanBinary.header
        huge += [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x7F]
        #expect(throws: PlanBinary.Malformed.self) { try PlanBinary.decode(Data(huge)) }
        // Another version's file.
        #expect(throws: PlanBinary.Malformed.self) { try PlanBinary.decode(Data("renewal plan cache 0\n".utf8)) }
    }

    @Test func aPlanFileIsDecodedOnceThenReadFromTheCache() throws {
        let temporary = try TemporaryStore()
        defer { temporary.cleanup() }
        let environment = ["XDG_CACHE_HOME": temporary.folder.appending(path: "cache").path]
        let json = try Data(
            contentsOf: URL(filePath: #filePath).deletingLastPathComponent()
                .appending(path: "../../Data/plan.json"))
        let path = temporary.folder.appending(path: "plan.json").path
        try json.write(to: URL(filePath: path))
        let source = try PlanSource.file(path: path)
        let cacheFile = try #require(PlanCache.file(for: source.fingerprint, environment: environment))
        #expect(!FileManager.default.fileExists(atPath: cacheFile.path))

        #expect(try source.plan(environment: environment) == plan)
        #expect(FileManager.default.fileExists(atPath: cacheFile.path))
        #expect(PlanCache.load(fingerprint: source.fingerprint, environment: environment) == plan)

        // The cache is what is read: a (valid) plan kept under this fingerprint is returned.
        let other = Workload.plan(plan, counties: 2)
        PlanCache.save(other, fingerprint: source.fingerprint, environment: environment)
        #expect(try source.plan(environment: environment) == other)

        // A damaged cache file is passed over: the JSON is decoded again, and the cache mended.
        try Data("renewal plan cache 1\ngarbage".utf8).write(to: cacheFile)
        #expect(try source.plan(environment: environment) == plan)
        #expect(PlanCache.load(fingerprint: source.fingerprint, environment: environment) == plan)

        // An edited file has another fingerprint: never the old plan.
        var edited = String(decoding: json, as: UTF8.self)
        edited = edited.replacingOccurrences(of: "累计培育晨星工厂50家以上", with: "累计培育晨星工厂60家以上")
        try Data(edited.utf8).write(to: URL(filePath: path))
        let editedSource = try PlanSource.file(path: path)
        #expect(editedSource.fingerprint != source.fingerprint)
        #expect(try editedSource.plan(environment: environment).target(id: "M02-1")?.description == "累计培育晨星工厂60家以上")
    }

    @Test func anUnwritableCacheFolderOnlyMeansDecodingAgain() throws {
        let temporary = try TemporaryStore()
        defer { temporary.cleanup() }
        // The cache "folder" is a file: nothing can be written under it.
        let blocked = temporary.folder.appending(path: "not-a-folder")
        try Data().write(to: blocked)
        let environment = ["XDG_CACHE_HOME": blocked.path]
        let json = try Data(
            contentsOf: URL(filePath: #filePath).deletingLastPathComponent()
                .appending(path: "../../Data/plan.json"))
        let path = temporary.folder.appending(path: "plan.json").path
        try json.write(to: URL(filePath: path))
        #expect(try PlanSource.file(path: path).plan(environment: environment) == plan)
        #expect(PlanCache.folder(environment: [:]) == nil)
        #expect(PlanCache.folder(environment: ["HOME": "/home/a"])?.path == "/home/a/.cache/renewal/plans")
    }
}
