import NIOCore
import NIOSSL
import PostgresNIO
import RenewalModel
import RenewalStore
import RenewalText

/// PostgreSQL's and the network's failures as `StoreError`s a user can act on, complete in both
/// languages. The password is never part of one: it is not in the URL, and what the server says
/// about a failed login names only the user.
enum PostgresFailure {
    static func storeError(_ error: any Error, location: String, connecting: Bool, timeout: Duration) -> StoreError {
        if let error = error as? StoreError { return error }
        if error is BridgeTimeout {
            let seconds = timeout.components.seconds
            let reason = Phrase("服务器在 \(seconds) 秒内没有响应", "the server did not answer within \(seconds) seconds")
            return connecting
                ? .cannotOpen(path: location, reason: reason) : .connectionLost(path: location, reason: reason)
        }
        if error is NIOSSLError {
            return .cannotOpen(
                path: location,
                reason: Phrase(
                    "加密连接（TLS）失败；请检查服务器证书或 sslmode",
                    "the encrypted connection (TLS) failed; check the certificate or sslmode"))
        }
        guard let psql = error as? PSQLError else {
            let why = ControlCharacters.visible("\(error)")
            return .cannotOpen(path: location, reason: Phrase("数据库错误（\(why)）", "database error (\(why))"))
        }
        switch psql.code {
        case .server:
            return serverError(psql, location: location, connecting: connecting)
        case .connectionError:
            return .cannotOpen(path: location, reason: unreachable)
        case .sslUnsupported:
            return .cannotOpen(
                path: location,
                reason: Phrase(
                    "服务器不支持加密连接，而 sslmode 要求加密；请在服务器上启用 SSL，或改用 sslmode=prefer",
                    "the server does not offer encryption that sslmode requires; "
                        + "enable SSL on the server or use sslmode=prefer"
                ))
        case .authMechanismRequiresPassword:
            return .cannotOpen(
                path: location,
                reason: Phrase(
                    "服务器要求密码；请设置 PGPASSWORD，或写入密码文件（PGPASSFILE、~/.pgpass、地址中的 passfile=）",
                    "the server asks for a password; set PGPASSWORD or put it in a password file "
                        + "(PGPASSFILE, ~/.pgpass, passfile= in the URL)"))
        case .serverClosedConnection, .uncleanShutdown, .clientClosedConnection, .poolClosed, .queryCancelled:
            // Closed before a connection was made is a server not reached (a firewall, a network
            // that answers with a reset); closed later, an operation was cut short.
            return connecting
                ? .cannotOpen(path: location, reason: unreachable)
                : .connectionLost(path: location, reason: Phrase("服务器关闭了连接", "the server closed the connection"))
        default:
            let why = ControlCharacters.visible(psql.code.description)
            return .cannotOpen(path: location, reason: Phrase("数据库错误（\(why)）", "database error (\(why))"))
        }
    }

    /// Why a connection failed or ended, in a few words (the dashboard's message line).
    static func reason(_ error: any Error) -> Phrase {
        switch storeError(error, location: "", connecting: false, timeout: .zero) {
        case let .cannotOpen(_, reason), let .connectionLost(_, reason): return reason
        default: return unreachable
        }
    }

    static let unreachable = Phrase(
        "无法连接服务器（主机名、端口是否正确，服务器是否在运行、是否允许本机连接）",
        "cannot reach the server (check the host name and port, that the server runs and accepts this machine)")

    /// An error the server sent, by its SQLSTATE.
    static func serverError(_ error: PSQLError, location: String, connecting: Bool) -> StoreError {
        let state = error.serverInfo?[.sqlState] ?? ""
        let message = ControlCharacters.visible(error.serverInfo?[.message] ?? state)
        switch state {
        case "28P01", "28000":
            return .cannotOpen(
                path: location,
                reason: Phrase(
                    "用户名或密码不对，或服务器不允许此账号从本机登录",
                    "the user name or password is wrong, or the server does not let this account log in from here"
                ))
        case "3D000":
            return .cannotOpen(
                path: location,
                reason: Phrase(
                    "服务器上没有这个数据库；请先由管理员用 createdb 建立",
                    "the server has no such database; an administrator creates it first (createdb)"
                ))
        case "42501", "25006":
            return .readOnlyAccount(path: location)
        case "57P01", "57P02", "57P03", "08000", "08003", "08006":
            let reason = Phrase("服务器正在关闭或重启", "the server is shutting down or restarting")
            return connecting
                ? .cannotOpen(path: location, reason: reason) : .connectionLost(path: location, reason: reason)
        case "53300":
            return .cannotOpen(path: location, reason: Phrase("服务器连接数已满", "the server has too many connections"))
        default:
            return .cannotOpen(path: location, reason: Phrase("数据库错误（\(message)）", "database error (\(message))"))
        }
    }
}
