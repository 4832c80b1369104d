import Foundation

/// The Markdown that reports are written in, as HTML: headings, paragraphs,
/// lists, quotes, pipe tables, fenced code and images on a line of their own,
/// with bold, italic, code spans and links inside. It is the subset `Report`
/// writes, not CommonMark. Every character of text is escaped: a label or
/// file name can never become markup in the page (raw HTML is shown as text).
enum MarkdownHTML {
    /// `image(alt, source)` gives the HTML for an image line (an interactive
    /// chart, or the picture inlined); nil shows it as a link to the file.
    static func render(_ markdown: String, image: (String, String) -> String?) -> String {
        var output: [String] = []
        let lines = markdown.components(separatedBy: "\n")
        var index = 0
        var paragraph: [String] = []
        func flushParagraph() {
            if !paragraph.isEmpty { output.append("<p>" + inline(paragraph.joined(separator: " ")) + "</p>") }
            paragraph = []
        }
        while index < lines.count {
            let line = lines[index]
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("```") {
                flushParagraph()
                let language = trimmed.dropFirst(3).trimmingCharacters(in: .whitespaces)
                var code: [String] = []
                index += 1
                while index < lines.count && !lines[index].trimmingCharacters(in: .whitespaces).hasPrefix("```") {
                    code.append(lines[index])
                    index += 1
                }
                let languageClass = language.isEmpty ? "" : " class=\"language-\(escapeText(language))\""
                output.append("<pre><code\(languageClass)>" + escapeText(code.joined(separator: "\n")) + "</code></pre>")
            } else if trimmed.isEmpty {
                flushParagraph()
            } else if let level = headingLevel(trimmed) {
                flushParagraph()
                let text = trimmed.dropFirst(level + 1)
                output.append("<h\(level) id=\"\(anchor(String(text)))\">" + inline(String(text)) + "</h\(level)>")
            } else if let (alt, source) = imageLine(trimmed) {
                flushParagraph()
                output.append(image(alt, source) ?? "<p><a href=\"\(escapeAttribute(source))\">\(escapeText(alt))</a></p>")
            } else if trimmed.hasPrefix("|") {
                flushParagraph()
                var rows: [String] = []
                while index < lines.count && lines[index].trimmingCharacters(in: .whitespaces).hasPrefix("|") {
                    rows.append(lines[index].trimmingCharacters(in: .whitespaces))
                    index += 1
                }
                output.append(table(rows))
                continue
            } else if trimmed.hasPrefix("- ") {
                flushParagraph()
                var items: [String] = []
                while index < lines.count, lines[index].trimmingCharacters(in: .whitespaces).hasPrefix("- ") {
                    items.append("<li>" + inline(String(lines[index].trimmingCharacters(in: .whitespaces).dropFirst(2))) + "</li>")
                    index += 1
                }
                output.append("<ul>" + items.joined() + "</ul>")
                continue
            } else if trimmed.hasPrefix(">") {
                flushParagraph()
                var quoted: [String] = []
                while index < lines.count, lines[index].trimmingCharacters(in: .whitespaces).hasPrefix(">") {
                    quoted.append(String(lines[index].trimmingCharacters(in: .whitespaces).dropFirst()).trimmingCharacters(in: .whitespaces))
                    index += 1
                }
                output.append("<blockquote><p>" + inline(quoted.joined(separator: " ")) + "</p></blockquote>")
                continue
            } else {
                paragraph.append(trimmed)
            }
            index += 1
        }
        flushParagraph()
        return output.joined(separator: "\n")
    }

    static func headingLevel(_ line: String) -> Int? {
        let hashes = line.prefix { $0 == "#" }.count
        guard (1...6).contains(hashes), line.dropFirst(hashes).first == " " else { return nil }
        return hashes
    }

    /// `![alt](source)` alone on its line.
    static func imageLine(_ line: String) -> (String, String)? {
        guard line.hasPrefix("!["), line.hasSuffix(")"), let middle = line.range(of: "](") else { return nil }
        let alt = String(line[line.index(line.startIndex, offsetBy: 2)..<middle.lowerBound])
        let source = String(line[middle.upperBound..<line.index(before: line.endIndex)])
        guard !source.contains(" ") else { return nil }
        return (alt, source)
    }

    /// A heading's id, for the links of a table of contents: lowercase words joined by '-'.
    static func anchor(_ text: String) -> String {
        let words = text.lowercased().split { !($0.isLetter || $0.isNumber) }
        return words.joined(separator: "-")
    }

    static func table(_ rows: [String]) -> String {
        let cells = rows.map(splitRow)
        guard let head = cells.first else { return "" }
        let isDivider = cells.count > 1 && cells[1].allSatisfy { $0.allSatisfy { "-: ".contains($0) } && !$0.isEmpty }
        let body = cells.dropFirst(isDivider ? 2 : 1)
        var html = "<div class=\"table\"><table><thead><tr>" + head.map { "<th>" + inline($0) + "</th>" }.joined() + "</tr></thead><tbody>"
        for row in body { html += "<tr>" + row.map { "<td>" + inline($0) + "</td>" }.joined() + "</tr>" }
        return html + "</tbody></table></div>"
    }

    /// A table row's cells; `\|` is a '|' inside a cell.
    static func splitRow(_ row: String) -> [String] {
        var cells: [String] = []
        var cell = ""
        var escaped = false
        for character in row.dropFirst() {
            if escaped {
                cell += character == "|" ? "|" : "\\" + String(character)
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else if character == "|" {
                cells.append(cell.trimmingCharacters(in: .whitespaces))
                cell = ""
            } else {
                cell.append(character)
            }
        }
        if !cell.trimmingCharacters(in: .whitespaces).isEmpty { cells.append(cell.trimmingCharacters(in: .whitespaces)) }
        return cells
    }

    /// Bold, italic, code spans and links, with every other character escaped.
    static func inline(_ text: String) -> String {
        let characters = Array(text)
        var html = ""
        var index = 0
        var bold = false, italic = false
        while index < characters.count {
            let character = characters[index]
            let next = index + 1 < characters.count ? characters[index + 1] : nil
            if character == "\\", let next, "\\`*_[]()|#+-.!<>".contains(next) {
                html += escapeText(String(next))
                index += 2
            } else if character == "`", let end = characters[(index + 1)...].firstIndex(of: "`") {
                html += "<code>" + escapeText(String(characters[(index + 1)..<end])) + "</code>"
                index = end + 1
            } else if character == "*" && next == "*" {
                html += bold ? "</strong>" : "<strong>"
                bold.toggle()
                index += 2
            } else if character == "*" || (character == "_" && (index == 0 || characters[index - 1] == " " || italic)) {
                html += italic ? "</em>" : "<em>"
                italic.toggle()
                index += 1
            } else if character == "[", let link = link(in: characters, at: index) {
                html += "<a href=\"\(escapeAttribute(pageLink(link.target)))\">" + inline(link.text) + "</a>"
                index = link.end
            } else if character == "&", let entity = entity(in: characters, at: index) {
                html += entity
                index += entity.count
            } else {
                html += escapeText(String(character))
                index += 1
            }
        }
        if italic { html += "</em>" }
        if bold { html += "</strong>" }
        return html
    }

    /// A link to another report (a suite's problems') goes to its page: every
    /// folder that has a report.md has a report.html beside it.
    static func pageLink(_ target: String) -> String {
        target == "report.md" || target.hasSuffix("/report.md") ? String(target.dropLast("report.md".count)) + ReportPage.name : target
    }

    /// `[text](target)` starting at `start`, with the index after it.
    static func link(in characters: [Character], at start: Int) -> (text: String, target: String, end: Int)? {
        guard let close = characters[start...].firstIndex(of: "]"), close + 1 < characters.count, characters[close + 1] == "(",
              let end = characters[(close + 1)...].firstIndex(of: ")") else { return nil }
        let target = String(characters[(close + 2)..<end])
        guard !target.contains(" "), !target.lowercased().hasPrefix("javascript:") else { return nil }
        return (String(characters[(start + 1)..<close]), target, end + 1)
    }

    /// The entities `Report.escape` writes (`&lt;`, `&gt;`), kept as they are.
    static func entity(in characters: [Character], at start: Int) -> String? {
        for entity in ["&lt;", "&gt;", "&amp;", "&quot;"] where characters.count >= start + entity.count {
            if String(characters[start..<(start + entity.count)]) == entity { return entity }
        }
        return nil
    }

    static func escapeText(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            default: result.append(character)
            }
        }
        return result
    }

    static func escapeAttribute(_ text: String) -> String {
        escapeText(text).replacingOccurrences(of: "'", with: "&#39;")
    }
}
