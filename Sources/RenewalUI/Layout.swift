/// Geometry shared by the renderer and the reducer (which needs it to move across panels).
public enum Layout {
    /// Rows: header, breadcrumb, body…, key bar.
    public static func bodyHeight(_ height: Int) -> Int { max(0, height - 3) }

    /// Overview panels per row: as many ~40-column panels as fit (80 → 2, 120 → 3, 200 → 5).
    public static func overviewColumns(width: Int) -> Int { max(1, min(6, width / 40)) }
}
