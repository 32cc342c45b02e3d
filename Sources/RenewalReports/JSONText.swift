import Foundation

/// JSON exactly as Foundation's `JSONEncoder` writes it with `[.prettyPrinted,
/// .withoutEscapingSlashes, .sortedKeys]`, byte for byte, in less time: a province's `overdue
/// --json` is 4.7 MB, which the general encoder took 200 ms to write and this takes about 75.
///
/// The same `Encodable` conformances drive it; values go into a light tree (objects keep their
/// keys in the order encoded, sorted as UTF-8 when written) and the tree into bytes. Types whose
/// `JSONEncoder` strategies change their form (Date, Data, URL, Decimal) are refused with
/// `Unsupported`: the caller then uses `JSONEncoder`. A test compares both encoders on every
/// report and on hostile strings.
public enum JSONText {
    public struct Unsupported: Error {}

    public static func encode<T: Encodable>(_ value: T) throws -> [UInt8] {
        var writer = Writer()
        writer.bytes.reserveCapacity(1 << 16)
        writer.write(try box(value), indent: 0)
        return writer.bytes
    }

    /// A value as the tree holds it: scalars already written out (numbers and literals).
    enum Value {
        case string(String)
        case literal(String)
        case object(Object)
        case array(List)
    }

    final class Object {
        var keys: [String] = []
        var values: [Value] = []

        /// A key set twice keeps its last value, as in JSONEncoder's dictionary: the writer
        /// drops the earlier ones (looking here would make every object quadratic).
        func set(_ key: String, _ value: Value) {
            keys.append(key)
            values.append(value)
        }
    }

    final class List {
        var values: [Value] = []
    }

    static func box<T: Encodable>(_ value: T) throws -> Value {
        // Scalars are told by their type alone (a pointer comparison), then reinterpreted: a cast
        // to a protocol (`as? any BinaryInteger`) would search the binary's conformance records
        // for every new type, most of them the reports' own structs and enums.
        if T.self == String.self { return .string(unsafeBitCast(value, to: String.self)) }
        if T.self == Int.self { return .literal(String(unsafeBitCast(value, to: Int.self))) }
        if T.self == Double.self { return .literal(try format(unsafeBitCast(value, to: Double.self))) }
        if T.self == Bool.self { return .literal(unsafeBitCast(value, to: Bool.self) ? "true" : "false") }
        if T.self == Float.self { return .literal(try format(unsafeBitCast(value, to: Float.self))) }
        if let integer = integerText(value) { return .literal(integer) }
        if T.self == Date.self || T.self == Data.self || T.self == URL.self || T.self == Decimal.self {
            throw Unsupported()
        }
        let encoder = TreeEncoder()
        try value.encode(to: encoder)
        // Encoding nothing at all gives an empty object, as JSONEncoder writes it.
        return encoder.value ?? .object(Object())
    }

    /// The other integer widths, written here rather than through their own `encode(to:)`
    /// (which asks the containers' defaults, which come back here).
    static func integerText<T>(_ value: T) -> String? {
        switch T.self {
        case is Int8.Type: String(unsafeBitCast(value, to: Int8.self))
        case is Int16.Type: String(unsafeBitCast(value, to: Int16.self))
        case is Int32.Type: String(unsafeBitCast(value, to: Int32.self))
        case is Int64.Type: String(unsafeBitCast(value, to: Int64.self))
        case is UInt.Type: String(unsafeBitCast(value, to: UInt.self))
        case is UInt8.Type: String(unsafeBitCast(value, to: UInt8.self))
        case is UInt16.Type: String(unsafeBitCast(value, to: UInt16.self))
        case is UInt32.Type: String(unsafeBitCast(value, to: UInt32.self))
        case is UInt64.Type: String(unsafeBitCast(value, to: UInt64.self))
        default: nil
        }
    }

    /// A floating-point number as JSONEncoder writes it: Swift's shortest form, without ".0".
    /// JSON has no infinity or NaN, where JSONEncoder would stop the whole answer: such a value
    /// (written into the store with SQL, or a growth on a baseline of 0) is `null`, so one item
    /// can never cost every other its answer (issue 20).
    static func format<F: BinaryFloatingPoint & CustomStringConvertible>(_ number: F) throws -> String {
        guard number.isFinite else { return "null" }
        var text = number.description
        if text.hasSuffix(".0") { text.removeLast(2) }
        return text
    }

    struct Writer {
        static let hexDigits = Array("0123456789abcdef".utf8)
        var bytes: [UInt8] = []

        mutating func write(_ value: Value, indent: Int) {
            switch value {
            case let .string(text): string(text)
            case let .literal(text): bytes.append(contentsOf: text.utf8)
            case let .object(object):
                // Sorted as UTF-8 (as JSONEncoder does); of a key set twice, the last one.
                let keys = object.keys
                let sorted = keys.indices.sorted {
                    keys[$0] == keys[$1] ? $0 < $1 : keys[$0].utf8.lexicographicallyPrecedes(keys[$1].utf8)
                }
                var order: [Int] = []
                order.reserveCapacity(sorted.count)
                for index in sorted {
                    if let last = order.last, keys[last] == keys[index] { order.removeLast() }
                    order.append(index)
                }
                bytes.append(UInt8(ascii: "{"))
                newline()
                var first = true
                for index in order {
                    if !first {
                        bytes.append(UInt8(ascii: ","))
                        newline()
                    }
                    first = false
                    spaces(indent + 2)
                    string(keys[index])
                    bytes.append(UInt8(ascii: " "))
                    bytes.append(UInt8(ascii: ":"))
                    bytes.append(UInt8(ascii: " "))
                    write(object.values[index], indent: indent + 2)
                }
                newline()
                spaces(indent)
                bytes.append(UInt8(ascii: "}"))
            case let .array(list):
                bytes.append(UInt8(ascii: "["))
                newline()
                var first = true
                for element in list.values {
                    if !first {
                        bytes.append(UInt8(ascii: ","))
                        newline()
                    }
                    first = false
                    spaces(indent + 2)
                    write(element, indent: indent + 2)
                }
                newline()
                spaces(indent)
                bytes.append(UInt8(ascii: "]"))
            }
        }

        mutating func newline() { bytes.append(UInt8(ascii: "\n")) }

        mutating func spaces(_ count: Int) {
            for _ in 0..<count { bytes.append(UInt8(ascii: " ")) }
        }

        /// Quotes and backslashes escaped, C0 controls as \b \f \n \r \t or \u00xx; everything
        /// else (slashes, DEL, all of Unicode) as it is. Only ASCII bytes can need escaping, and
        /// no byte of a multi-byte UTF-8 sequence is ASCII, so bytes are looked at one by one.
        mutating func string(_ text: String) {
            bytes.append(UInt8(ascii: "\""))
            for byte in text.utf8 {
                guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else {
                    bytes.append(byte)
                    continue
                }
                bytes.append(UInt8(ascii: "\\"))
                switch byte {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"): bytes.append(byte)
                case 0x08: bytes.append(UInt8(ascii: "b"))
                case 0x0C: bytes.append(UInt8(ascii: "f"))
                case 0x0A: bytes.append(UInt8(ascii: "n"))
                case 0x0D: bytes.append(UInt8(ascii: "r"))
                case 0x09: bytes.append(UInt8(ascii: "t"))
                default:
                    bytes.append(UInt8(ascii: "u"))
                    bytes.append(UInt8(ascii: "0"))
                    bytes.append(UInt8(ascii: "0"))
                    bytes.append(Self.hexDigits[Int(byte >> 4)])
                    bytes.append(Self.hexDigits[Int(byte & 0x0F)])
                }
            }
            bytes.append(UInt8(ascii: "\""))
        }
    }
}

/// The `Encoder` that builds a `JSONText.Value`: what was encoded at its level, if anything.
final class TreeEncoder: Encoder {
    var codingPath: [any CodingKey] = []
    var userInfo: [CodingUserInfoKey: Any] { [:] }
    var value: JSONText.Value?

    func object() -> JSONText.Object {
        if case let .object(existing)? = value { return existing }
        let object = JSONText.Object()
        value = .object(object)
        return object
    }

    func list() -> JSONText.List {
        if case let .array(existing)? = value { return existing }
        let list = JSONText.List()
        value = .array(list)
        return list
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        KeyedEncodingContainer(KeyedTreeContainer<Key>(object: object(), codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        UnkeyedTreeContainer(list: list(), codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { SingleTreeContainer(encoder: self) }
}

/// An encoder whose value, once encoded, is stored where `store` puts it (`superEncoder`).
final class StoringTreeEncoder: Encoder {
    let inner = TreeEncoder()
    let store: (JSONText.Value) -> Void
    var codingPath: [any CodingKey] { inner.codingPath }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    init(store: @escaping (JSONText.Value) -> Void) { self.store = store }
    deinit { store(inner.value ?? .object(JSONText.Object())) }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        inner.container(keyedBy: type)
    }
    func unkeyedContainer() -> any UnkeyedEncodingContainer { inner.unkeyedContainer() }
    func singleValueContainer() -> any SingleValueEncodingContainer { inner.singleValueContainer() }
}

struct KeyedTreeContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let object: JSONText.Object
    var codingPath: [any CodingKey]

    mutating func encodeNil(forKey key: Key) throws { object.set(key.stringValue, .literal("null")) }
    mutating func encode(_ value: Bool, forKey key: Key) throws {
        object.set(key.stringValue, .literal(value ? "true" : "false"))
    }
    mutating func encode(_ value: String, forKey key: Key) throws { object.set(key.stringValue, .string(value)) }
    mutating func encode(_ value: Double, forKey key: Key) throws {
        object.set(key.stringValue, .literal(try JSONText.format(value)))
    }
    mutating func encode(_ value: Float, forKey key: Key) throws {
        object.set(key.stringValue, .literal(try JSONText.format(value)))
    }
    mutating func encode(_ value: Int, forKey key: Key) throws { object.set(key.stringValue, .literal(String(value))) }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        object.set(key.stringValue, try JSONText.box(value))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy keyType: NestedKey.Type, forKey key: Key
    ) -> KeyedEncodingContainer<NestedKey> {
        let nested = JSONText.Object()
        object.set(key.stringValue, .object(nested))
        return KeyedEncodingContainer(KeyedTreeContainer<NestedKey>(object: nested, codingPath: codingPath + [key]))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        let nested = JSONText.List()
        object.set(key.stringValue, .array(nested))
        return UnkeyedTreeContainer(list: nested, codingPath: codingPath + [key])
    }

    mutating func superEncoder() -> any Encoder {
        let object = self.object
        return StoringTreeEncoder { object.set("super", $0) }
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        let object = self.object
        return StoringTreeEncoder { object.set(key.stringValue, $0) }
    }
}

struct UnkeyedTreeContainer: UnkeyedEncodingContainer {
    let list: JSONText.List
    var codingPath: [any CodingKey]
    var count: Int { list.values.count }

    mutating func encodeNil() throws { list.values.append(.literal("null")) }
    mutating func encode(_ value: Bool) throws { list.values.append(.literal(value ? "true" : "false")) }
    mutating func encode(_ value: String) throws { list.values.append(.string(value)) }
    mutating func encode(_ value: Double) throws { list.values.append(.literal(try JSONText.format(value))) }
    mutating func encode(_ value: Int) throws { list.values.append(.literal(String(value))) }
    mutating func encode<T: Encodable>(_ value: T) throws { list.values.append(try JSONText.box(value)) }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy keyType: NestedKey.Type
    ) -> KeyedEncodingContainer<NestedKey> {
        let nested = JSONText.Object()
        list.values.append(.object(nested))
        return KeyedEncodingContainer(KeyedTreeContainer<NestedKey>(object: nested, codingPath: codingPath))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let nested = JSONText.List()
        list.values.append(.array(nested))
        return UnkeyedTreeContainer(list: nested, codingPath: codingPath)
    }

    mutating func superEncoder() -> any Encoder {
        let list = self.list
        let index = list.values.count
        list.values.append(.object(JSONText.Object()))
        return StoringTreeEncoder { list.values[index] = $0 }
    }
}

struct SingleTreeContainer: SingleValueEncodingContainer {
    let encoder: TreeEncoder
    var codingPath: [any CodingKey] { encoder.codingPath }

    mutating func encodeNil() throws { encoder.value = .literal("null") }
    mutating func encode(_ value: Bool) throws { encoder.value = .literal(value ? "true" : "false") }
    mutating func encode(_ value: String) throws { encoder.value = .string(value) }
    mutating func encode(_ value: Double) throws { encoder.value = .literal(try JSONText.format(value)) }
    mutating func encode(_ value: Float) throws { encoder.value = .literal(try JSONText.format(value)) }
    mutating func encode(_ value: Int) throws { encoder.value = .literal(String(value)) }
    mutating func encode<T: Encodable>(_ value: T) throws { encoder.value = try JSONText.box(value) }
}
