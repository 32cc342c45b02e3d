// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "renewal",
    products: [
        .executable(name: "renewal", targets: ["renewal"])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    ],
    targets: [
        // Pure: display width, padding, truncation and wrapping for CJK text.
        .target(name: "RenewalText"),
        // Pure: the plan, targets, entries, status rules and roll-ups (the shared model module).
        // SHA-256 (swift-crypto) names a plan's bytes: a fingerprint stands for "the same plan".
        .target(
            name: "RenewalModel", dependencies: ["RenewalText", .product(name: "Crypto", package: "swift-crypto")]),
        // Persistence and files: the plan (embedded at build time), the SQLite progress store,
        // CSV returns in and out.
        .target(
            name: "RenewalStore",
            dependencies: [
                "RenewalModel", "RenewalText",
                .product(name: "CSV", package: "CSV.swift"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ],
            plugins: ["EmbedPlan"]
        ),
        // The shared store: a PostgreSQL database (PostgresNIO's pooled client), behind the same
        // protocol as the SQLite file.
        .target(
            name: "RenewalPostgres",
            dependencies: [
                "RenewalModel", "RenewalStore", "RenewalText",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Logging", package: "swift-log"),
            ]),
        // Pure: text and JSON reports (summary, overdue, measure detail) built from evaluations.
        .target(name: "RenewalReports", dependencies: ["RenewalModel", "RenewalText"]),
        // Pure: a plan's published text read (paragraphs, headings, target sentences) for `plan draft`.
        .target(name: "RenewalPlanText", dependencies: ["RenewalModel"]),
        // ncursesw through a C module map (module.modulemap + shim.h only).
        .systemLibrary(name: "CNcursesw", path: "Sources/CNcursesw"),
        // libxlsxwriter through a C module map, the same way (Debian's libxlsxwriter-dev).
        .systemLibrary(
            name: "CXlsxWriter", path: "Sources/CXlsxWriter", pkgConfig: "xlsxwriter",
            providers: [.apt(["libxlsxwriter-dev"])]),
        // Workbooks (.xlsx) as values (sheets, typed cells, fills, drop-downs) and their writer:
        // the bulletin and exports for Excel, WPS and LibreOffice.
        .target(
            name: "RenewalWorkbook",
            dependencies: [
                "CXlsxWriter", "RenewalModel", "RenewalReports", "RenewalText",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]),
        // Pure: dashboard state, keys, reducer, keymap and widgets rendering into a cell grid. It
        // shares the reports' ordering and bars, so a list reads the same on screen and on paper.
        .target(name: "RenewalUI", dependencies: ["RenewalModel", "RenewalReports", "RenewalText"]),
        // Thin: the ncurses session, key input, drawing a grid with a diff, signals.
        .target(name: "RenewalTerminal", dependencies: ["CNcursesw", "RenewalModel", "RenewalUI", "RenewalText"]),
        // The application layer between the commands, the dashboard and the stores: which plan and
        // which backend are opened, the judging digest kept and read, an entry recorded, a store
        // copied, and what each dashboard effect does.
        .target(
            name: "RenewalApp",
            dependencies: [
                "RenewalModel", "RenewalStore", "RenewalPostgres", "RenewalReports", "RenewalText", "RenewalUI",
                "RenewalWorkbook", .product(name: "Crypto", package: "swift-crypto"),
            ]),
        // The command line.
        .executableTarget(
            name: "renewal",
            dependencies: [
                "RenewalApp", "RenewalModel", "RenewalStore", "RenewalPostgres", "RenewalReports", "RenewalText",
                "RenewalUI", "RenewalTerminal", "RenewalWorkbook", "RenewalPlanText",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Deterministic city and province workloads: the plan per county and its monthly returns.
        .target(name: "RenewalWorkload", dependencies: ["RenewalModel"]),
        // Benchmarks at city and province scale (BENCHMARKS.md); release builds only.
        .executableTarget(
            name: "renewal-bench",
            dependencies: [
                "RenewalApp", "RenewalModel", "RenewalStore", "RenewalUI", "RenewalWorkload",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Build-time tools and the plugin that embed Data/ into the binary: the files as text, and
        // the plan, checked, as Swift values (so it loads without decoding JSON at run time).
        .executableTarget(name: "EmbedResource"),
        .executableTarget(name: "PlanCodeGenerator", dependencies: ["RenewalModel"]),
        .plugin(name: "EmbedPlan", capability: .buildTool(), dependencies: ["EmbedResource", "PlanCodeGenerator"]),

        .testTarget(name: "RenewalTextTests", dependencies: ["RenewalText"]),
        .testTarget(name: "RenewalModelTests", dependencies: ["RenewalModel", "RenewalText"]),
        .testTarget(
            name: "RenewalStoreTests",
            dependencies: ["RenewalStore", "RenewalPostgres", "RenewalModel", "RenewalWorkload", "PostgresTestSupport"]),
        .testTarget(name: "RenewalReportsTests", dependencies: ["RenewalReports", "RenewalStore", "RenewalModel"]),
        .testTarget(
            name: "RenewalUITests", dependencies: ["RenewalUI", "RenewalModel", "RenewalStore"],
            exclude: ["Snapshots"]),
        .testTarget(name: "RenewalWorkbookTests", dependencies: ["RenewalWorkbook", "RenewalReports", "RenewalStore"]),
        .testTarget(
            name: "RenewalAppTests",
            dependencies: [
                "RenewalApp", "RenewalStore", "RenewalPostgres", "RenewalModel", "RenewalUI", "PostgresTestSupport",
            ]),
        .testTarget(
            name: "RenewalPlanTextTests",
            dependencies: ["RenewalPlanText", "RenewalModel", "RenewalStore", "RenewalWorkload"]),
        .testTarget(name: "CLITests", dependencies: ["PostgresTestSupport"], exclude: ["Golden"]),
        // The tests' PostgreSQL: the machine's server started, a test role, a fresh database per test.
        .target(name: "PostgresTestSupport", path: "Tests/PostgresTestSupport"),
    ],
    swiftLanguageModes: [.v6]
)
