package org.verdict.core.report;

import java.awt.geom.Rectangle2D;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.ViewBox;
import org.verdict.core.evidence.EvidenceChart;
import org.verdict.core.evidence.EvidenceTable;
import org.verdict.core.evidence.EvidenceTable.Cell;
import org.verdict.core.evidence.Tone;
import org.verdict.core.report.ReportDocument.Block;
import org.verdict.core.report.ReportDocument.Chart;
import org.verdict.core.report.ReportDocument.Code;
import org.verdict.core.report.ReportDocument.Fact;
import org.verdict.core.report.ReportDocument.Facts;
import org.verdict.core.report.ReportDocument.Paragraph;
import org.verdict.core.report.ReportDocument.Section;
import org.verdict.core.report.ReportDocument.Table;

/**
 * Writes the approval pack as one self-contained HTML file: inline CSS, charts as inline SVG, no scripts and
 * no reference to anything outside the file. The same document always gives the same bytes.
 */
final class HtmlApprovalPack {
    /**
     * The tallest chart, in its own units, that prints on one A4 page: drawn 48rem wide (1.2 of its width), 780 are
     * about 940 of the page's 1,000 CSS pixels.
     */
    private static final double PRINTED_PAGE_HEIGHT = 780;
    private final EvidenceCharts charts;
    private final StringBuilder html = new StringBuilder(1 << 16);

    HtmlApprovalPack(EvidenceCharts charts) {
        this.charts = charts;
    }

    String render(ReportDocument document) {
        html.setLength(0);
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(escape(document.title())).append("</title>\n")
                .append("<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n<header>\n<h1>")
                .append(escape(document.title())).append("</h1>\n<p class=\"subtitle\">")
                .append(escape(document.subtitle())).append("</p>\n</header>\n");
        tableOfContents(document.sections());
        html.append("<main>\n");
        for (Section section : document.sections()) {
            section(section);
        }
        html.append("</main>\n</body>\n</html>\n");
        return html.toString();
    }

    private void tableOfContents(List<Section> sections) {
        html.append("<nav class=\"toc\">\n<h2>Contents</h2>\n<ul>\n");
        for (Section section : sections) {
            html.append("<li class=\"level").append(section.level()).append("\"><a href=\"#")
                    .append(section.anchor()).append("\">").append(section.number()).append(' ')
                    .append(escape(section.title())).append("</a></li>\n");
        }
        html.append("</ul>\n</nav>\n");
    }

    private void section(Section section) {
        String heading = section.level() == 1 ? "h2" : "h3";
        html.append("<section id=\"").append(section.anchor()).append("\" class=\"level").append(section.level())
                .append("\">\n<").append(heading).append('>').append(section.number()).append(' ')
                .append(escape(section.title())).append("</").append(heading).append(">\n");
        for (Block block : section.blocks()) {
            block(block);
        }
        html.append("</section>\n");
    }

    private void block(Block block) {
        if (block instanceof Paragraph paragraph) {
            html.append("<p").append(toneClass(paragraph.tone())).append('>').append(prose(paragraph.text()))
                    .append("</p>\n");
        } else if (block instanceof Facts facts) {
            html.append("<dl>\n");
            for (Fact fact : facts.facts()) {
                html.append("<dt>").append(escape(fact.label())).append("</dt><dd>").append(prose(fact.value()));
                if (!fact.items().isEmpty()) {
                    html.append("<ul class=\"findings\">");
                    for (String item : fact.items()) {
                        html.append("<li>").append(prose(fact.mark() + " " + item)).append("</li>");
                    }
                    html.append("</ul>");
                }
                html.append("</dd>\n");
            }
            html.append("</dl>\n");
        } else if (block instanceof Table table) {
            table(table.table());
        } else if (block instanceof Chart chart) {
            chart(chart);
        } else if (block instanceof Code code) {
            html.append("<pre>");
            for (String line : code.lines()) {
                html.append(escape(line)).append('\n');
            }
            html.append("</pre>\n");
        }
    }

    private void table(EvidenceTable table) {
        html.append("<table>\n<caption>").append(escape(table.caption())).append("</caption>\n<thead><tr>");
        for (String header : table.headers()) {
            html.append("<th>").append(escape(header)).append("</th>");
        }
        html.append("</tr></thead>\n<tbody>\n");
        for (List<Cell> row : table.rows()) {
            html.append("<tr>");
            for (Cell cell : row) {
                html.append("<td").append(toneClass(cell.tone())).append('>').append(prose(cell.text()))
                        .append("</td>");
            }
            html.append("</tr>\n");
        }
        html.append("</tbody>\n</table>\n");
        for (String note : table.notes()) {
            html.append("<p class=\"table-note\">").append(prose(note)).append("</p>\n");
        }
    }

    /**
     * A chart as one figure, or a row chart taller than a printed page as figures of whole rows on the same axis
     * ("rows 29–56 of 141"), each with its own axis and legend, as the PDF splits it: printed whole, the 140 stores of
     * a forest plot ran over five pages with the axis on the last alone.
     */
    private void chart(Chart chart) {
        EvidenceChart description = chart.chart();
        int rows = EvidenceCharts.rowCount(description);
        int perPart = 1;
        while (perPart < rows && EvidenceCharts.heightOf(description, perPart + 1) <= PRINTED_PAGE_HEIGHT) {
            perPart++;
        }
        if (rows <= perPart) {
            figure(chart.id(), description.title(), charts.build(description), EvidenceCharts.heightOf(description));
            return;
        }
        int parts = (rows + perPart - 1) / perPart;
        for (int part = 0; part < parts; part++) {
            int from = rows * part / parts;
            int to = rows * (part + 1) / parts;
            figure(chart.id() + "-" + (part + 1), description.title(), charts.buildRows(description, from, to),
                    EvidenceCharts.heightOf(description, to - from));
        }
    }

    /**
     * The chart as an inline SVG element in a figure. JFreeSVG prefixes its internal ids with a timestamp unless told
     * otherwise, so the chart's own id is used; the namespace declarations are dropped because HTML does not need
     * them and the document must not name any web address.
     */
    private void figure(String id, String title, JFreeChart built, double height) {
        // a part's title names its rows ("… (rows 29–56 of 141)"), and so does what a screen reader reads of it
        String label = built.getTitle() != null ? built.getTitle().getText() : title;
        double width = EvidenceCharts.WIDTH;
        SVGGraphics2D g2 = new SVGGraphics2D(width, height);
        g2.setDefsKeyPrefix(id + "-");
        g2.setFontFunction(family -> "DejaVu Sans, Verdana, sans-serif");
        built.draw(g2, new Rectangle2D.Double(0, 0, width, height));
        String svg = g2.getSVGElement(id, true, new ViewBox(0, 0, (int) width, (int) height), null, null)
                .replaceAll(" xmlns(:\\w+)?='[^']*'", "");
        if (svg.toLowerCase(Locale.ROOT).contains("http")) {
            throw new IllegalStateException("chart " + id + " refers to a web address");
        }
        html.append("<figure>\n<svg role=\"img\" aria-label=\"").append(escape(label)).append("\"")
                .append(svg.substring("<svg".length())).append("\n</figure>\n");
    }

    private static String toneClass(Tone tone) {
        return tone == Tone.PLAIN ? "" : " class=\"" + tone.name().toLowerCase(Locale.ROOT).replace('_', '-') + "\"";
    }

    /**
     * Escaped text in which a browser, as the PDF, never breaks a line inside an interval, nor between a value and its
     * interval in a cell of several ({@link LineBreaks#words}): what is kept whole goes in a no-wrap span.
     */
    static String prose(String text) {
        List<String> words = LineBreaks.words(text);
        if (words.stream().noneMatch(LineBreaks::keptWhole)) {
            return escape(text);
        }
        StringBuilder prose = new StringBuilder(text.length() + 32);
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            prose.append(i == 0 ? "" : " ").append(LineBreaks.keptWhole(word)
                    ? "<span class=\"ci\">" + escape(word) + "</span>" : escape(word));
        }
        return prose.toString();
    }

    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }

    private static final String STYLE = """
            body { font-family: "DejaVu Sans", Verdana, "Segoe UI", sans-serif; color: #1a1a1a; margin: 0 auto;
                   max-width: 60rem; padding: 1.5rem 2rem 4rem; line-height: 1.45; }
            header { border-bottom: 3px solid PRODUCTION; margin-bottom: 1rem; }
            h1 { font-size: 1.7rem; margin: 0 0 .2rem; }
            .subtitle { color: #444; margin: 0 0 .8rem; }
            h2 { font-size: 1.35rem; border-bottom: 1px solid #bbb; padding-bottom: .2rem; margin-top: 2.2rem; }
            h3 { font-size: 1.1rem; margin-top: 1.8rem; }
            nav.toc ul { list-style: none; padding-left: 0; }
            nav.toc li.level2 { padding-left: 1.6rem; }
            nav.toc a { color: PRODUCTION; text-decoration: none; }
            dl { display: grid; grid-template-columns: max-content auto; gap: .15rem 1.2rem; }
            dt { font-weight: bold; }
            dd { margin: 0; overflow-wrap: anywhere; }
            ul.findings { list-style: none; margin: .15rem 0 0; padding-left: 0; }
            ul.findings li { padding-left: 1.1em; text-indent: -1.1em; }
            table { border-collapse: collapse; margin: .8rem 0 1.2rem; font-size: .9rem; }
            caption { text-align: left; font-weight: bold; padding-bottom: .3rem; }
            th, td { border: 1px solid #c8c8c8; padding: .25rem .5rem; text-align: left; vertical-align: top;
                     overflow-wrap: break-word; }
            th { background: #f0f0f0; }
            .ci { white-space: nowrap; }
            .table-note { font-size: .85rem; margin: -.8rem 0 1.2rem; }
            tbody tr:nth-child(even) { background: #fafafa; }
            figure { margin: 1rem 0; }
            figure svg { width: 100%; height: auto; max-width: 48rem; }
            pre { background: #f4f4f4; border: 1px solid #ddd; padding: .6rem; overflow-x: auto; font-size: .8rem; }
            .pass, .better { color: BETTER; font-weight: bold; }
            .fail, .worse { color: WORSE; font-weight: bold; }
            .insufficient { color: INSUFFICIENT; font-weight: bold; }
            .no-difference { color: NEUTRAL; }
            @media print { body { max-width: none; } section.level1 { break-before: page; }
                           table { font-size: .75rem; } th, td { padding: .2rem .3rem; }
                           h2, h3, caption { break-after: avoid; }
                           figure, table { break-inside: avoid; } }
            """
            .replace("PRODUCTION", ReportPalette.css(ReportPalette.PRODUCTION))
            // text in a tone takes the PDF's colour for it (ReportPalette.textOf), which reads at 4.5:1 or more
            .replace("BETTER", ReportPalette.css(ReportPalette.textOf(Tone.BETTER)))
            .replace("WORSE", ReportPalette.css(ReportPalette.textOf(Tone.WORSE)))
            .replace("INSUFFICIENT", ReportPalette.css(ReportPalette.textOf(Tone.INSUFFICIENT)))
            .replace("NEUTRAL", ReportPalette.css(ReportPalette.textOf(Tone.NO_DIFFERENCE)));
}
