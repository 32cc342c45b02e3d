import Foundation
import RenewalModel

/// Today's date in the machine's time zone (the task force's local day), and timestamps:
/// every write is stamped with now, whatever day a screen or report is judging.
public enum Today {
    public static func day() -> Day {
        let parts = Calendar.current.dateComponents([.year, .month, .day], from: Date())
        return Day(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1) ?? Day(ordinal: 0)
    }

    /// Now, as an ISO 8601 timestamp with the local offset.
    public static func timestamp() -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = .current
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: Date())
    }
}

/// Who is writing, when nobody says (`--by` does on the command line).
public enum Recorder {
    /// The login name: $USER or $LOGNAME, else the account the process runs as (cron jobs and
    /// `env -i` shells have neither variable), "unknown" only when even that has no name.
    public static var currentUser: String {
        let environment = ProcessInfo.processInfo.environment
        for key in ["USER", "LOGNAME"] {
            if let name = environment[key]?.trimmingCharacters(in: .whitespaces), !name.isEmpty { return name }
        }
        if let entry = getpwuid(getuid()), let name = entry.pointee.pw_name, let text = String(validatingCString: name),
            !text.isEmpty
        {
            return text
        }
        return "unknown"
    }
}
