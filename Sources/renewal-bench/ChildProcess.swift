import Foundation

/// Runs another program to completion, as a user would from a shell, and measures it: wall
/// time from spawn to exit, and the program's own peak resident memory.
///
/// The memory comes from GNU time (`/usr/bin/time -f %M`), not from our own wait4: Linux counts
/// the spawning process's resident set into a spawned child's peak (posix_spawn shares our
/// memory until exec), so every child would seem at least as big as this benchmark. GNU time is
/// small and forks, so what it reports is the program's. Its own start-up (about a millisecond)
/// is in every wall time alike.
struct ChildProcess {
    struct Outcome {
        var status: Int32
        var milliseconds: Double
        var peakMemoryMB: Double
        /// What the program printed on standard output (kept in a file, read after the exit).
        var output: String
    }

    var executable: String
    var arguments: [String]

    /// Runs the program under GNU time with stdout to `outputFile` and stderr to `errorFile`.
    func run(outputFile: String, errorFile: String) throws -> Outcome {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outputFile, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, errorFile, O_WRONLY | O_CREAT | O_TRUNC, 0o644)

        let environment = ProcessInfo.processInfo.environment
        let memoryFile = outputFile + ".rss"
        let argv = (["/usr/bin/time", "-f", "%M", "-o", memoryFile, executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }

        var pid: pid_t = 0
        let start = ContinuousClock.now
        let spawned = posix_spawn(&pid, "/usr/bin/time", &actions, nil, argv, envp)
        guard spawned == 0 else {
            throw BenchError("cannot start /usr/bin/time (apt-get install time): \(String(cString: strerror(spawned)))")
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let elapsed = ContinuousClock.now - start

        let exitStatus = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        let output = (try? String(contentsOfFile: outputFile, encoding: .utf8)) ?? ""
        // GNU time writes "Command exited with non-zero status N" before the figure on failure.
        let memoryLines = ((try? String(contentsOfFile: memoryFile, encoding: .utf8)) ?? "").split(separator: "\n")
        let kilobytes = memoryLines.last.flatMap { Double($0.trimmingCharacters(in: .whitespaces)) } ?? .nan
        return Outcome(
            status: exitStatus, milliseconds: milliseconds(elapsed), peakMemoryMB: kilobytes / 1024, output: output)
    }

    /// Finds a program on PATH, as the shell would.
    static func which(_ name: String) -> String? {
        if name.contains("/") { return FileManager.default.isExecutableFile(atPath: name) ? name : nil }
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for directory in path.split(separator: ":") {
            let candidate = "\(directory)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }
}

/// Something the benchmark could not do; printed and the program exits non-zero.
struct BenchError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

func milliseconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
}
