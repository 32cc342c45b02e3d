import Foundation
import RenewalModel
import RenewalText

/// Where the store is, as `--db` or `RENEWAL_DB` name it: a file path (SQLite, the embedded
/// default) or a `postgresql://` URL (a PostgreSQL server several machines share).
public enum StoreLocation: Sendable, Equatable {
    case file(String)
    case postgres(PostgresAddress)

    /// `text` as a location: `postgresql://` and `postgres://` name a server, anything else a file.
    public static func parse(_ text: String, environment: [String: String]) throws -> StoreLocation {
        let lower = text.lowercased()
        guard lower.hasPrefix("postgresql://") || lower.hasPrefix("postgres://") else { return .file(text) }
        return .postgres(try PostgresAddress(url: text, environment: environment))
    }

    /// The location as messages show it (a URL never with a password).
    public var shown: String {
        switch self {
        case let .file(path): path
        case let .postgres(address): address.shown
        }
    }
}

/// A PostgreSQL server and database, parsed from a URL in libpq's form:
/// `postgresql://user@host:port/database?sslmode=…&passfile=…&connect_timeout=…`, with `host=/dir`
/// in the query for a Unix socket. What the URL leaves out comes from `PGUSER`, `PGHOST`,
/// `PGPORT`, `PGDATABASE`, `PGSSLMODE`, as libpq does. A password is never taken from the URL
/// (it would show in `ps` and in shell history): `PGPASSWORD`, or the password file.
public struct PostgresAddress: Sendable, Equatable {
    public var user: String
    /// A host name or address; a Unix socket's folder when it starts with "/".
    public var host: String
    public var port: Int
    public var database: String
    public var sslMode: SSLMode
    /// The password file: `passfile=` in the URL, else `PGPASSFILE`, else `~/.pgpass`.
    public var passwordFile: String
    /// Seconds to wait for the server when connecting (`connect_timeout=`, `PGCONNECT_TIMEOUT`; 10).
    public var connectTimeout: Int

    /// libpq's `sslmode` values renewal supports.
    public enum SSLMode: String, Sendable, CaseIterable {
        case disable, prefer, require
        case verifyCA = "verify-ca"
        case verifyFull = "verify-full"
    }

    public init(url: String, environment: [String: String]) throws {
        let visible = ControlCharacters.visible(url)
        guard let parts = URLComponents(string: url) else {
            throw StoreError.badLocation(
                location: visible,
                reason: Phrase("不是有效的 URL", "it is not a valid URL"))
        }
        // Shown without the password whatever else is wrong.
        if parts.password != nil {
            var cleaned = parts
            cleaned.password = nil
            throw StoreError.badLocation(
                location: ControlCharacters.visible(cleaned.string ?? "postgresql://"),
                reason: Phrase(
                    "地址中不能写密码（会出现在进程列表和命令历史中）；请用 PGPASSWORD 环境变量或密码文件（PGPASSFILE、~/.pgpass、passfile=）",
                    "the URL may not hold a password (it would show in the process list and the shell history); "
                        + "use PGPASSWORD or a password file (PGPASSFILE, ~/.pgpass, passfile=)"))
        }
        var query: [String: String] = [:]
        for item in parts.queryItems ?? [] { query[item.name] = item.value ?? "" }
        func setting(_ key: String, _ variable: String) -> String? {
            if let value = query[key], !value.isEmpty { return value }
            if let value = environment[variable], !value.isEmpty { return value }
            return nil
        }
        let loginName = environment["USER"] ?? environment["LOGNAME"] ?? "postgres"
        user = parts.user.flatMap { $0.isEmpty ? nil : $0 } ?? setting("user", "PGUSER") ?? loginName
        host = parts.host.flatMap { $0.isEmpty ? nil : $0 } ?? setting("host", "PGHOST") ?? "localhost"
        let portText = parts.port.map(String.init) ?? setting("port", "PGPORT") ?? "5432"
        guard let port = Int(portText), (1...65535).contains(port) else {
            throw StoreError.badLocation(
                location: visible, reason: Phrase("端口 \(portText) 无效", "the port \(portText) is not valid"))
        }
        self.port = port
        let path = parts.path.hasPrefix("/") ? String(parts.path.dropFirst()) : parts.path
        database = path.isEmpty ? (setting("dbname", "PGDATABASE") ?? user) : path
        let modeText = setting("sslmode", "PGSSLMODE") ?? "prefer"
        guard let mode = SSLMode(rawValue: modeText) else {
            let known = SSLMode.allCases.map(\.rawValue).joined(separator: "、")
            throw StoreError.badLocation(
                location: visible,
                reason: Phrase(
                    "sslmode=\(modeText) 无效；可选：\(known)",
                    "sslmode=\(modeText) is not valid; use one of: \(known.replacingOccurrences(of: "、", with: ", "))"))
        }
        sslMode = mode
        let home = environment["HOME"] ?? NSHomeDirectory()
        passwordFile = setting("passfile", "PGPASSFILE") ?? (home as NSString).appendingPathComponent(".pgpass")
        let timeoutText = setting("connect_timeout", "PGCONNECT_TIMEOUT") ?? "10"
        guard let timeout = Int(timeoutText), (1...3600).contains(timeout) else {
            throw StoreError.badLocation(
                location: visible,
                reason: Phrase(
                    "connect_timeout=\(timeoutText) 无效（1 至 3600 秒）",
                    "connect_timeout=\(timeoutText) is not valid (1 to 3600 seconds)"))
        }
        connectTimeout = timeout
    }

    /// The URL as messages show it: user, host, port and database, never a password.
    public var shown: String {
        let place = host.hasPrefix("/") ? "localhost:\(port)/\(database)?host=\(host)" : "\(host):\(port)/\(database)"
        return ControlCharacters.visible("postgresql://\(user)@\(place)")
    }

    /// The password: `PGPASSWORD`, else the first line of the password file matching this
    /// server, port, database and user (`*` matches anything; `\:` and `\\` escape). As libpq
    /// does, a password file others may read is ignored.
    public func password(environment: [String: String]) -> String? {
        if let password = environment["PGPASSWORD"], !password.isEmpty { return password }
        var info = stat()
        guard stat(passwordFile, &info) == 0, info.st_mode & S_IFMT == S_IFREG, info.st_mode & 0o077 == 0,
            info.st_size < 1 << 20,
            let text = try? String(contentsOfFile: passwordFile, encoding: .utf8)
        else { return nil }
        let hostName = host.hasPrefix("/") ? "localhost" : host
        for line in text.split(whereSeparator: \.isNewline) where !line.hasPrefix("#") {
            let fields = Self.passwordFields(String(line))
            guard fields.count == 5 else { continue }
            let wanted = [hostName, String(port), database, user]
            if zip(fields.prefix(4), wanted).allSatisfy({ $0 == "*" || $0 == $1 }) { return fields[4] }
        }
        return nil
    }

    /// A password file line's five fields, split at unescaped colons.
    static func passwordFields(_ line: String) -> [String] {
        var fields: [String] = []
        var current = ""
        var escaped = false
        for character in line {
            if escaped {
                current.append(character)
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else if character == ":" && fields.count < 4 {
                fields.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        fields.append(current)
        return fields
    }
}
