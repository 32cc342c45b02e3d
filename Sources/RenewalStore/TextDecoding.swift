import Foundation
import RenewalModel

#if canImport(Glibc)
    import Glibc
#endif

/// Turns the bytes of a return into text, whatever Excel or WPS saved: UTF-8 with or without a
/// BOM, or GBK/GB18030 (what "CSV (逗号分隔)" gives on Chinese Windows). GB18030 is a superset
/// of GBK and GB2312, so one decoder covers all three.
public enum TextDecoding {
    public enum Encoding: String, Sendable {
        case utf8 = "UTF-8"
        case utf8WithBOM = "UTF-8 (BOM)"
        case gb18030 = "GB18030"
        /// Not text: the rows came from an xlsx workbook's cells.
        case workbook = "xlsx"
    }

    /// The text and the encoding it was found in, or nil when the bytes are neither.
    public static func decode(_ data: Data) -> (text: String, encoding: Encoding)? {
        try? decode(data, as: nil).get()
    }

    /// The text in `forced` (`--encoding`), or in the encoding the bytes are valid in: UTF-8
    /// first, then GB18030. Bytes valid in neither, or not in the forced one, are a clear error.
    public static func decode(_ data: Data, as forced: Encoding?) -> Result<(text: String, encoding: Encoding), Phrase>
    {
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        if forced != .gb18030, data.starts(with: bom) {
            guard let text = String(data: data.dropFirst(3), encoding: .utf8) else {
                return .failure(forced == nil ? markedUTF8ButNot : notUTF8)
            }
            return .success((text, .utf8WithBOM))
        }
        if forced != .gb18030, let text = String(data: data, encoding: .utf8) {
            return .success((text, .utf8))
        }
        if forced == .utf8 || forced == .utf8WithBOM { return .failure(notUTF8) }
        if let text = fromGB18030(data) {
            return .success((text, .gb18030))
        }
        return .failure(
            forced == .gb18030
                ? Phrase("文件不是有效的 GB18030/GBK 文本", "the file is not valid GB18030/GBK text")
                : Phrase(
                    "文件既不是 UTF-8 也不是 GBK/GB18030 文本；请在 Excel 或 WPS 中另存为“CSV UTF-8”",
                    "the file is neither UTF-8 nor GBK/GB18030 text; save it as \"CSV UTF-8\" in Excel or WPS"))
    }

    /// A UTF-8 mark (BOM) before text that is not UTF-8: nobody gave --encoding, so the advice
    /// is how to read or save the file, not to leave an option out (issue 20).
    static let markedUTF8ButNot = Phrase(
        "文件开头有 UTF-8 标记（BOM），内容却不是有效的 UTF-8；请在 Excel 或 WPS 中重新另存为“CSV UTF-8”，"
            + "若内容实为 GBK，可加 --encoding gb18030 读取",
        "the file starts with a UTF-8 mark (BOM) but its text is not valid UTF-8; save it again as \"CSV UTF-8\" "
            + "in Excel or WPS, or if it is GBK text, read it with --encoding gb18030")

    static let notUTF8 = Phrase(
        "文件不是有效的 UTF-8 文本（可去掉 --encoding utf-8 让程序自动识别 GBK）",
        "the file is not valid UTF-8 text (leave out --encoding utf-8 to let GBK be recognised)")

    /// Decodes GB18030 with iconv (Glibc); nil on any invalid sequence.
    static func fromGB18030(_ data: Data) -> String? {
        #if canImport(Glibc)
            let converter = iconv_open("UTF-8", "GB18030")
            guard converter != iconv_t(bitPattern: -1) else { return nil }
            defer { iconv_close(converter) }
            var input = [CChar](repeating: 0, count: data.count)
            data.withUnsafeBytes { raw in
                for (index, byte) in raw.enumerated() { input[index] = CChar(bitPattern: byte) }
            }
            // UTF-8 takes at most 4 bytes per GB18030 character of at least 1 byte.
            var output = [CChar](repeating: 0, count: data.count * 4 + 4)
            var inLeft = input.count
            var outLeft = output.count
            let converted: Int = input.withUnsafeMutableBufferPointer { inBuffer in
                output.withUnsafeMutableBufferPointer { outBuffer in
                    var inPointer: UnsafeMutablePointer<CChar>? = inBuffer.baseAddress
                    var outPointer: UnsafeMutablePointer<CChar>? = outBuffer.baseAddress
                    return iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft)
                }
            }
            guard converted != -1, inLeft == 0 else { return nil }
            let bytes = output[0..<(output.count - outLeft)].map { UInt8(bitPattern: $0) }
            return String(bytes: bytes, encoding: .utf8)
        #else
            return nil
        #endif
    }
}
