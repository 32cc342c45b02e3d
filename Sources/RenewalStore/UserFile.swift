import Foundation
import RenewalModel
import RenewalText

#if canImport(Glibc)
    import Glibc
#endif

/// Writes a file the user named (`report -o`, `template -o`, the dashboard's `x`) without ever
/// replacing what the name stands for: a file the user names is theirs (DECISIONS 2026-12-06).
///
/// Where the name is a new file, or a regular file with one link in a folder the user may write,
/// the bytes go to a temporary file beside it that is renamed over it once complete (a reader
/// never sees half a bulletin), given the old file's mode and owner first. Everything else is
/// written into as it is, as a shell's `>` would: a FIFO, a device, a file with other hard links,
/// a file in a folder the user may not write, and a symlink's target (the link stays a link). A
/// folder is refused.
public enum UserFile {
    /// How the bytes reached the file.
    public enum Method: Equatable, Sendable {
        /// A new file, or a regular file replaced whole by a rename (mode and owner kept).
        case atomic
        /// Written into the existing file (or device, or FIFO) as it is.
        case inPlace
    }

    /// Writes `data` to `path` (relative paths from the current folder). Returns how.
    @discardableResult
    public static func write(_ data: Data, to path: String) throws(UserFileError) -> Method {
        guard !path.isEmpty else { throw UserFileError(path: path, problem: .noSuchFolder) }
        var info = stat()
        guard lstat(path, &info) == 0 else {
            let code = errno
            guard code == ENOENT else { throw UserFileError(path: path, errno: code) }
            try writeNew(data, to: path)
            return .atomic
        }
        switch info.st_mode & S_IFMT {
        case S_IFLNK:
            // The link is the user's: write through it to what it names, never over it.
            var target = stat()
            guard stat(path, &target) == 0 else {
                // A dangling link: create what it points at, as `>` does.
                try writeInPlace(data, to: path, create: true)
                return .inPlace
            }
            if target.st_mode & S_IFMT == S_IFDIR { throw UserFileError(path: path, problem: .isFolder) }
            guard target.st_mode & S_IFMT == S_IFREG, let resolved = realPath(path) else {
                try writeInPlace(data, to: path, create: false)
                return .inPlace
            }
            return try writeRegular(data, to: resolved, info: target, shownAs: path)
        case S_IFDIR:
            throw UserFileError(path: path, problem: .isFolder)
        case S_IFREG:
            return try writeRegular(data, to: path, info: info, shownAs: path)
        default:
            // FIFO, character or block device, socket: written into; never replaced by a file.
            try writeInPlace(data, to: path, create: false)
            return .inPlace
        }
    }

    /// A regular file: replaced atomically when that keeps everything the user could notice
    /// (its links, mode, owner), written into otherwise.
    static func writeRegular(
        _ data: Data, to path: String, info: stat, shownAs shown: String
    ) throws(UserFileError)
        -> Method
    {
        let folder = folderOf(path)
        if info.st_nlink == 1, access(folder, W_OK | X_OK) == 0,
            try replaceAtomically(data, at: path, keeping: info, shownAs: shown)
        {
            return .atomic
        }
        try writeInPlace(data, to: path, create: false, shownAs: shown)
        return .inPlace
    }

    /// A name that does not exist yet: a temporary file beside it, renamed into place.
    static func writeNew(_ data: Data, to path: String) throws(UserFileError) {
        let folder = folderOf(path)
        var info = stat()
        guard stat(folder, &info) == 0 else {
            let code = errno
            throw UserFileError(path: path, problem: code == ENOENT || code == ENOTDIR ? .noSuchFolder : .system(code))
        }
        guard info.st_mode & S_IFMT == S_IFDIR else { throw UserFileError(path: path, problem: .noSuchFolder) }
        let (descriptor, temporary) = try createTemporary(in: folder, for: path)
        try finish(descriptor: descriptor, temporary: temporary, data: data, path: path, shownAs: path)
    }

    /// Replaces the regular file at `path` through a temporary file with its mode and owner.
    /// Returns false (nothing changed) when the temporary file cannot be given the old owner, so
    /// the caller writes in place instead.
    static func replaceAtomically(
        _ data: Data, at path: String, keeping info: stat, shownAs shown: String
    )
        throws(UserFileError) -> Bool
    {
        let folder = folderOf(path)
        let descriptor: Int32
        let temporary: String
        do { (descriptor, temporary) = try createTemporary(in: folder, for: shown) } catch { return false }
        let sameOwner =
            (info.st_uid == geteuid() && info.st_gid == getegid())
            || fchown(descriptor, info.st_uid, info.st_gid) == 0
        guard sameOwner, fchmod(descriptor, info.st_mode & 0o7777) == 0 else {
            close(descriptor)
            unlink(temporary)
            return false
        }
        try finish(descriptor: descriptor, temporary: temporary, data: data, path: path, shownAs: shown)
        return true
    }

    /// Writes, flushes and closes the temporary file, then renames it to `path`; the temporary
    /// file is removed on any failure.
    static func finish(
        descriptor: Int32, temporary: String, data: Data, path: String, shownAs shown: String
    )
        throws(UserFileError)
    {
        var failure = writeAll(data, to: descriptor)
        if failure == nil, fsync(descriptor) != 0 { failure = errno }
        if close(descriptor) != 0, failure == nil { failure = errno }
        if failure == nil, rename(temporary, path) != 0 { failure = errno }
        if let failure {
            unlink(temporary)
            throw UserFileError(path: shown, errno: failure)
        }
    }

    /// Opens what `path` names for writing and writes into it: truncated when it is a regular file.
    static func writeInPlace(
        _ data: Data, to path: String, create: Bool, shownAs shown: String? = nil
    )
        throws(UserFileError)
    {
        let shown = shown ?? path
        let flags = O_WRONLY | O_CLOEXEC | O_NOCTTY | (create ? O_CREAT : 0)
        let descriptor = open(path, flags, 0o666)
        guard descriptor >= 0 else { throw UserFileError(path: shown, errno: errno) }
        var info = stat()
        let regular = fstat(descriptor, &info) == 0 && info.st_mode & S_IFMT == S_IFREG
        // Truncate only after opening: O_TRUNC on open would empty a file we then fail to write.
        var failure: Int32?
        if regular, ftruncate(descriptor, 0) != 0 { failure = errno }
        if failure == nil { failure = writeAll(data, to: descriptor) }
        if failure == nil, regular, fsync(descriptor) != 0 { failure = errno }
        if close(descriptor) != 0, failure == nil { failure = errno }
        if let failure { throw UserFileError(path: shown, errno: failure) }
    }

    /// A new file beside `path`, created exclusively with the usual mode (0666 less the umask).
    static func createTemporary(in folder: String, for path: String) throws(UserFileError) -> (Int32, String) {
        let base = (path as NSString).lastPathComponent
        for _ in 0..<100 {
            let name = ".\(base).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp"
            let temporary = folder == "." ? name : (folder as NSString).appendingPathComponent(name)
            let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
            if descriptor >= 0 { return (descriptor, temporary) }
            if errno != EEXIST { throw UserFileError(path: path, errno: errno) }
        }
        throw UserFileError(path: path, errno: EEXIST)
    }

    /// Writes every byte, through partial writes and interruptions; the errno on failure.
    static func writeAll(_ data: Data, to descriptor: Int32) -> Int32? {
        data.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) -> Int32? in
            guard let base = bytes.baseAddress else { return nil }
            var offset = 0
            while offset < bytes.count {
                let written = Glibc.write(descriptor, base + offset, bytes.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                offset += written
            }
            return nil
        }
    }

    static func folderOf(_ path: String) -> String {
        let folder = (path as NSString).deletingLastPathComponent
        return folder.isEmpty ? "." : folder
    }

    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}

/// Why a file the user named could not be written; the message names the file and what to do.
public struct UserFileError: Error, Equatable, Sendable {
    public enum Problem: Equatable, Sendable {
        case isFolder
        case noSuchFolder
        case noPermission
        case readOnlyFileSystem
        case noSpace
        /// A socket, or a FIFO with no reader when opened without waiting.
        case noReader
        case system(Int32)
    }

    public let path: String
    public let problem: Problem

    public init(path: String, problem: Problem) {
        self.path = path
        self.problem = problem
    }

    init(path: String, errno code: Int32) {
        let problem: Problem
        switch code {
        case EISDIR: problem = .isFolder
        case ENOENT, ENOTDIR: problem = .noSuchFolder
        case EACCES, EPERM: problem = .noPermission
        case EROFS: problem = .readOnlyFileSystem
        case ENOSPC, EDQUOT: problem = .noSpace
        case ENXIO: problem = .noReader
        default: problem = .system(code)
        }
        self.init(path: path, problem: problem)
    }

    /// The message, complete in each language.
    public var phrase: Phrase {
        let shown = ControlCharacters.visible(path)
        switch problem {
        case .isFolder:
            return Phrase(
                "无法写入 \(shown)：这是一个文件夹；请给出文件名，例如 \(shown)/通报.md",
                "cannot write \(shown): it is a folder; name a file in it, e.g. \(shown)/bulletin.md")
        case .noSuchFolder:
            return Phrase(
                "无法写入 \(shown)：所在文件夹不存在；请检查路径是否写错",
                "cannot write \(shown): its folder does not exist; check the path for a typing slip")
        case .noPermission:
            return Phrase(
                "无法写入 \(shown)：没有写权限；请换一个位置，或请管理员开放权限",
                "cannot write \(shown): no permission to write it; choose another place or ask for write access")
        case .readOnlyFileSystem:
            return Phrase(
                "无法写入 \(shown)：所在磁盘为只读", "cannot write \(shown): it is on a read-only file system")
        case .noSpace:
            return Phrase(
                "无法写入 \(shown)：磁盘空间或配额已满", "cannot write \(shown): the disk or quota is full")
        case .noReader:
            return Phrase(
                "无法写入 \(shown)：这是一个没有读取方的管道或套接字",
                "cannot write \(shown): it is a socket or a pipe with no reader")
        case let .system(code):
            return Phrase("无法写入 \(shown)：系统错误 \(code)", "cannot write \(shown): system error \(code)")
        }
    }
}
