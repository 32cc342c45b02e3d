import Foundation
import Testing

@testable import RenewalStore

#if canImport(Glibc)
    import Glibc
#endif

/// A file the user names is theirs (issue 20, defect 1): written into, never replaced by
/// something else. Each case failed when `-o` went through a temporary file renamed over the
/// name (a FIFO, a device and a symlink became plain files, a 0600 file came back 0644, a hard
/// link was split).
@Suite("Files the user names")
struct UserFileTests {
    let folder: URL

    init() throws {
        folder = FileManager.default.temporaryDirectory.appending(path: "renewal-userfile-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    func path(_ name: String) -> String { folder.appending(path: name).path }

    func info(_ path: String, follow: Bool = false) -> stat {
        var result = stat()
        _ = follow ? stat(path, &result) : lstat(path, &result)
        return result
    }

    func text(_ path: String) -> String? { try? String(contentsOfFile: path, encoding: .utf8) }

    @Test func aNewFileIsCreatedWithTheUsualModeAndNothingLeftBeside() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let target = path("通报.md")
        let mask = umask(0o022)
        defer { umask(mask) }
        #expect(try UserFile.write(Data("一\n".utf8), to: target) == .atomic)
        #expect(text(target) == "一\n")
        #expect(info(target).st_mode & 0o777 == 0o644)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["通报.md"])
    }

    @Test func aRegularFileKeepsItsModeAndIsReplacedWhole() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let target = path("bulletin.md")
        try Data("old text, longer than the new one\n".utf8).write(to: URL(fileURLWithPath: target))
        chmod(target, 0o600)
        #expect(try UserFile.write(Data("new\n".utf8), to: target) == .atomic)
        #expect(text(target) == "new\n")
        #expect(info(target).st_mode & 0o7777 == 0o600, "a 0600 bulletin must stay 0600")
        #expect(info(target).st_mode & S_IFMT == S_IFREG)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["bulletin.md"])
    }

    @Test func aHardLinkIsNotSplit() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let first = path("a.csv")
        let second = path("b.csv")
        try Data("old\n".utf8).write(to: URL(fileURLWithPath: first))
        #expect(link(first, second) == 0)
        try UserFile.write(Data("new\n".utf8), to: second)
        #expect(text(first) == "new\n", "the other name must see the new content")
        #expect(info(first).st_nlink == 2)
        #expect(info(first).st_ino == info(second).st_ino)
    }

    @Test func aSymlinkStaysALinkAndItsTargetIsWritten() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let real = path("real.md")
        let link = path("link.md")
        try Data("old\n".utf8).write(to: URL(fileURLWithPath: real))
        chmod(real, 0o640)
        #expect(symlink("real.md", link) == 0)
        try UserFile.write(Data("new\n".utf8), to: link)
        #expect(info(link).st_mode & S_IFMT == S_IFLNK, "the link was replaced by a file")
        #expect(text(real) == "new\n")
        #expect(info(real).st_mode & 0o7777 == 0o640)
        // A dangling link: what it points at is created, the link kept.
        let dangling = path("dangling.md")
        #expect(symlink("later.md", dangling) == 0)
        try UserFile.write(Data("x\n".utf8), to: dangling)
        #expect(info(dangling).st_mode & S_IFMT == S_IFLNK)
        #expect(text(path("later.md")) == "x\n")
    }

    @Test func aFIFOIsWrittenIntoAndStaysAFIFO() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let fifo = path("pipe")
        #expect(mkfifo(fifo, 0o600) == 0)
        // The reader: the write blocks until a reader opens the pipe, as a shell's `>` does.
        let received = Mutexed<Data?>(nil)
        let reader = Thread {
            let handle = FileHandle(forReadingAtPath: fifo)
            received.set((try? handle?.readToEnd()) ?? Data())
        }
        reader.start()
        #expect(try UserFile.write(Data("through the pipe\n".utf8), to: fifo) == .inPlace)
        let deadline = Date().addingTimeInterval(20)
        while received.get() == nil && Date() < deadline { Thread.sleep(forTimeInterval: 0.01) }
        #expect(received.get().map { String(decoding: $0, as: UTF8.self) } == "through the pipe\n")
        #expect(info(fifo).st_mode & S_IFMT == S_IFIFO)
    }

    @Test func aDeviceIsWrittenIntoAndStaysADevice() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let device = try CharacterDevice(in: folder)
        let before = info(device.path)
        #expect(try UserFile.write(Data("to the device\n".utf8), to: device.path) == .inPlace)
        let after = info(device.path)
        #expect(after.st_mode & S_IFMT == S_IFCHR, "the device became a plain file")
        #expect(after.st_rdev == before.st_rdev)
        #expect(after.st_ino == before.st_ino)
    }

    @Test func aFolderIsRefusedAndLeftAsItWas() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let inner = path("exports")
        try FileManager.default.createDirectory(atPath: inner, withIntermediateDirectories: false)
        #expect(throws: UserFileError(path: inner, problem: .isFolder)) {
            try UserFile.write(Data("x".utf8), to: inner)
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: inner).isEmpty)
        // A link to a folder too.
        #expect(symlink("exports", path("to-exports")) == 0)
        #expect(throws: UserFileError(path: path("to-exports"), problem: .isFolder)) {
            try UserFile.write(Data("x".utf8), to: path("to-exports"))
        }
    }

    @Test func aMissingFolderIsNamedAndNothingIsMade() {
        defer { try? FileManager.default.removeItem(at: folder) }
        let target = path("no-such-folder/x.md")
        #expect(throws: UserFileError(path: target, problem: .noSuchFolder)) {
            try UserFile.write(Data("x".utf8), to: target)
        }
        #expect(!FileManager.default.fileExists(atPath: path("no-such-folder")))
        for language in [UserFileError(path: target, problem: .noSuchFolder).phrase] {
            #expect(language.zh.contains("文件夹不存在") && language.en.contains("folder does not exist"))
        }
    }
}

/// A character device the test may write to: a copy of `/dev/null`'s node (major 1, minor 3),
/// never the real `/dev/null`. mknod needs root, as CI runs; elsewhere the test fails saying so
/// rather than skipping quietly.
struct CharacterDevice {
    let path: String

    init(in folder: URL) throws {
        path = folder.appending(path: "null-copy").path
        // makedev(1, 3) in Linux's encoding: (major << 8) | minor for numbers this small.
        let nullDevice: dev_t = (1 << 8) | 3
        guard mknod(path, S_IFCHR | 0o666, nullDevice) == 0 else {
            Issue.record("mknod needs root (uid \(geteuid())): run the tests as root, as CI does")
            throw POSIXError(.EPERM)
        }
    }
}

/// A value shared with a thread in a test.
final class Mutexed<Value>: @unchecked Sendable {
    private var value: Value
    private let lock = NSLock()
    init(_ value: Value) { self.value = value }
    func get() -> Value { lock.withLock { value } }
    func set(_ new: Value) { lock.withLock { value = new } }
}
