import Foundation

/// A small log-log line plot as SVG: the scaling figure of docs/performance.md.
public struct Plot {
    public struct Series {
        public let name: String
        public let points: [(x: Double, y: Double)]

        public init(name: String, points: [(x: Double, y: Double)]) {
            self.name = name
            self.points = points
        }
    }

    public let title: String
    public let xLabel: String
    public let yLabel: String
    public let series: [Series]

    public init(title: String, xLabel: String, yLabel: String, series: [Series]) {
        self.title = title
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.series = series
    }

    public func svg() -> String {
        let w = 560.0, h = 340.0, left = 70.0, right = 150.0, top = 36.0, bottom = 50.0
        let xs = series.flatMap { $0.points.map(\.x) }.filter { $0 > 0 }
        let ys = series.flatMap { $0.points.map(\.y) }.filter { $0 > 0 }
        guard let x0 = xs.min(), let x1 = xs.max(), let y0 = ys.min(), let y1 = ys.max() else { return "<svg xmlns=\"http://www.w3.org/2000/svg\"/>\n" }
        let lx0 = floor(log10(x0)), lx1 = ceil(log10(x1)), ly0 = floor(log10(y0)), ly1 = ceil(log10(y1))
        func px(_ x: Double) -> Double { left + (log10(x) - lx0) / max(1, lx1 - lx0) * (w - left - right) }
        func py(_ y: Double) -> Double { h - bottom - (log10(y) - ly0) / max(1, ly1 - ly0) * (h - top - bottom) }
        let colours = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#17becf", "#7f7f7f"]
        var out = ["<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(Int(w))\" height=\"\(Int(h))\" font-family=\"sans-serif\" font-size=\"11\">",
                   "<rect width=\"100%\" height=\"100%\" fill=\"white\"/>",
                   "<text x=\"\(Int(left))\" y=\"20\" font-size=\"13\" font-weight=\"bold\">\(title)</text>"]
        for e in stride(from: lx0, through: lx1, by: 1) {
            let x = px(pow(10, e))
            out.append("<line x1=\"\(x)\" y1=\"\(top)\" x2=\"\(x)\" y2=\"\(h - bottom)\" stroke=\"#eee\"/>")
            out.append("<text x=\"\(x)\" y=\"\(h - bottom + 16)\" text-anchor=\"middle\">10^\(Int(e))</text>")
        }
        for e in stride(from: ly0, through: ly1, by: 1) {
            let y = py(pow(10, e))
            out.append("<line x1=\"\(left)\" y1=\"\(y)\" x2=\"\(w - right)\" y2=\"\(y)\" stroke=\"#eee\"/>")
            out.append("<text x=\"\(left - 6)\" y=\"\(y + 4)\" text-anchor=\"end\">10^\(Int(e))</text>")
        }
        out.append("<text x=\"\((left + w - right) / 2)\" y=\"\(h - 12)\" text-anchor=\"middle\">\(xLabel)</text>")
        out.append("<text x=\"16\" y=\"\((top + h - bottom) / 2)\" transform=\"rotate(-90 16 \((top + h - bottom) / 2))\" text-anchor=\"middle\">\(yLabel)</text>")
        for (i, s) in series.enumerated() {
            let c = colours[i % colours.count]
            let d = s.points.filter { $0.x > 0 && $0.y > 0 }.enumerated()
                .map { "\($0.offset == 0 ? "M" : "L")\(px($0.element.x)),\(py($0.element.y))" }.joined(separator: " ")
            out.append("<path d=\"\(d)\" fill=\"none\" stroke=\"\(c)\" stroke-width=\"2\"/>")
            for p in s.points where p.x > 0 && p.y > 0 {
                out.append("<circle cx=\"\(px(p.x))\" cy=\"\(py(p.y))\" r=\"3\" fill=\"\(c)\"/>")
            }
            let ly = top + 14 + Double(i) * 16
            out.append("<line x1=\"\(w - right + 14)\" y1=\"\(ly - 4)\" x2=\"\(w - right + 34)\" y2=\"\(ly - 4)\" stroke=\"\(c)\" stroke-width=\"2\"/>")
            out.append("<text x=\"\(w - right + 40)\" y=\"\(ly)\">\(s.name)</text>")
        }
        out.append("</svg>")
        return out.joined(separator: "\n") + "\n"
    }
}
