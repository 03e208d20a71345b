extension Catalogue {
    /// Problems of a feature's geometry (`FILE:feature N: geometry: problem (expected)`); `{label}`
    /// names the part at fault (`polygon 2 exterior `, `line 3: `), empty for the whole geometry.
    static let geometryProblems: [Message] = [
        Message("geometry.label.exterior", en: "{outer}exterior ", zh: "{outer}外"),
        Message("geometry.label.hole", en: "{outer}hole {n} ", zh: "{outer}第{n}个内"),
        Message("geometry.label.polygon", en: "{outer}polygon {n} ", zh: "{outer}第{n}个多边形的"),
        Message("geometry.label.line", en: "{outer}line {n}: ", zh: "{outer}第{n}条线："),
        Message("problem.geometry.missing", en: "missing geometry", zh: "缺少几何图形"),
        Message("problem.geometry.not_object", en: "geometry is not an object", zh: "geometry 不是对象"),
        Message("problem.geometry.no_type", en: "geometry has no type", zh: "geometry 没有 type"),
        Message("problem.geometry.no_coordinates", en: "{type} geometry has no coordinates", zh: "{type} 几何图形没有坐标（coordinates）"),
        Message("problem.geometry.parts", en: "MultiPolygon with {count} parts", zh: "MultiPolygon 有 {count} 个部分"),
        Message(
            "problem.geometry.not_lines", en: "MultiLineString coordinates are not a non-empty array of lines",
            zh: "MultiLineString 的坐标不是非空的线数组"),
        Message("problem.geometry.not_allowed", en: "{type} geometry not allowed here", zh: "此处不允许 {type} 几何图形"),
        Message("problem.geometry.position_not_pair", en: "a position is not an array of two numbers", zh: "有坐标点不是两个数的数组"),
        Message("problem.geometry.position_not_numbers", en: "a position holds something other than numbers", zh: "有坐标点含有非数字的内容"),
        Message("problem.geometry.not_positions", en: "coordinates are not an array of positions", zh: "coordinates 不是坐标点数组"),
        Message("problem.geometry.ring_one", en: "{label}ring has {count} position", zh: "{label}环只有 {count} 个坐标点"),
        Message("problem.geometry.ring_few", en: "{label}ring has {count} positions", zh: "{label}环只有 {count} 个坐标点"),
        Message(
            "problem.geometry.ring_open", en: "{label}ring is not closed (its first and last positions differ)",
            zh: "{label}环没有闭合（首尾坐标点不同）"),
        Message(
            "problem.geometry.not_rings", en: "{label}polygon coordinates are not a non-empty array of rings",
            zh: "{label}多边形坐标不是非空的环数组"),
        Message(
            "problem.geometry.ring_crosses", en: "{label}ring {ring} crosses itself at ({x}, {y})",
            zh: "{label}环 {ring} 在 ({x}, {y}) 处自相交"),
        Message(
            "problem.geometry.not_polygons", en: "MultiPolygon coordinates are not a non-empty array of polygons",
            zh: "MultiPolygon 的坐标不是非空的多边形数组"),
        Message("problem.geometry.line_one", en: "{label}line has {count} position", zh: "{label}线只有 {count} 个坐标点"),
        Message("problem.geometry.line_few", en: "{label}line has {count} positions", zh: "{label}线只有 {count} 个坐标点"),
        Message("problem.geometry.not_finite", en: "coordinate ({x}, {y}) is not finite", zh: "坐标 ({x}, {y}) 不是有限数"),
        Message(
            "problem.geometry.latitude_range", en: "({x}, {y}) is out of range: latitude {y} outside [-90, 90]",
            zh: "({x}, {y}) 超出范围：纬度 {y} 不在 [-90, 90] 内"),
        Message(
            "problem.geometry.latitude_range_swapped",
            en:
                "({x}, {y}) is out of range: latitude {y} outside [-90, 90]; the coordinates look swapped (latitude, longitude order)",
            zh: "({x}, {y}) 超出范围：纬度 {y} 不在 [-90, 90] 内；坐标似乎写反了（纬度在前、经度在后）"),
        Message(
            "problem.geometry.longitude_range", en: "({x}, {y}) is out of range: longitude {x} outside [-180, 180]",
            zh: "({x}, {y}) 超出范围：经度 {x} 不在 [-180, 180] 内"),
        Message(
            "problem.geometry.longitude_range_swapped",
            en:
                "({x}, {y}) is out of range: longitude {x} outside [-180, 180]; the coordinates look swapped (latitude, longitude order)",
            zh: "({x}, {y}) 超出范围：经度 {x} 不在 [-180, 180] 内；坐标似乎写反了（纬度在前、经度在后）"),
        Message("expected.geometry.area", en: "Polygon, MultiPolygon or null", zh: "Polygon、MultiPolygon 或 null"),
        Message("expected.geometry.site", en: "Point or Polygon", zh: "Point 或 Polygon"),
        Message("expected.geometry.line", en: "LineString or MultiLineString", zh: "LineString 或 MultiLineString"),
        Message(
            "expected.geometry.lon_lat_range", en: "longitude in [-180, 180] first, then latitude in [-90, 90]",
            zh: "先经度，在 [-180, 180] 内，后纬度，在 [-90, 90] 内"),
        Message("expected.geometry.finite", en: "finite numbers", zh: "有限数"),
        Message(
            "expected.geometry.single_part", en: "Point, Polygon or a single-part MultiPolygon",
            zh: "Point、Polygon 或只有一个部分的 MultiPolygon"),
        Message("expected.geometry.lines", en: "an array of lines", zh: "线的数组"),
        Message("expected.geometry.xy", en: "[x, y]", zh: "[x, y] 坐标点"),
        Message("expected.geometry.xy_numbers", en: "[x, y] numbers", zh: "[x, y] 两个数"),
        Message("expected.geometry.positions", en: "[[x, y], ...]", zh: "坐标点数组 [[x, y], ...]"),
        Message("expected.geometry.closed_ring", en: "a closed ring of at least 4 positions", zh: "至少 4 个坐标点的闭合环"),
        Message("expected.geometry.ring_closed", en: "the first position repeated last", zh: "最后一个坐标点与第一个相同"),
        Message("expected.geometry.rings", en: "[[[x, y], ...], ...]", zh: "环的数组 [[[x, y], ...], ...]"),
        Message("expected.geometry.simple_ring", en: "a simple ring", zh: "不自相交的简单环"),
        Message("expected.geometry.polygons", en: "[[[[x, y], ...]], ...]", zh: "多边形数组 [[[[x, y], ...]], ...]"),
        Message("expected.geometry.line_points", en: "at least 2 positions", zh: "至少 2 个坐标点"),
        Message("expected.finite", en: "a finite number", zh: "有限数"),
        Message("problem.unexpected", en: "{detail}", zh: "{detail}")
    ]
}
