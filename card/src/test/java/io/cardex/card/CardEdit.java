package io.cardex.card;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * One random edit of a card file's lines, the kind an author (or a bad merge) makes; each says
 * what it does, so that a failing case describes what was done to the card. Positions are drawn
 * before the card is known, and taken modulo its number of lines (or characters), so that every
 * edit applies to any card.
 */
sealed interface CardEdit {

    /** Characters YAML gives a meaning to, line breaks Java and YAML disagree on, and hard Unicode. */
    List<String> FRAGMENTS = List.of(
            ":", ": ", "-", "- ", "&", "&a ", "*", "*a", "!", "!!str ", "!!binary ", "{", "}", "[", "]", "|", ">",
            "%", "@", "`", "\t", "：", "#", " #", "'", "\"", "? ", ",", "\\", "~", "---", "...",
            "\r", "\r\n", "\u0085", "\u2028", "\u2029", "\u000B", "\f", "\u0000", "\u0007", "\u001B[2K", "\u007F",
            "\uFEFF", "\uFFFE", "\uFFFF", "\uD800", "\uDFFF",
            "模型名称", "概述：", "😀", "👩‍👩‍👧", "\u202Eevil\u202C", "שלום", "مرحبا", "e\u0301\u0302\u0303", "𝒳𝒴",
            "\u200B", "\u00A0", "\u3000");

    /** Whole lines: delimiters, directives, aliases, and what the body and paper page readers look for. */
    List<String> LINES = List.of(
            "---", "...", "--- ", " ---", "---x", "%YAML 1.1", "%TAG ! tag:x,2000:", "# Title", "- x", "-",
            "key: value", "model-name: again", "\tfile-format: ckpt", "  - nested", "? complex", ": value", "asset:",
            "evaluation: -", "<<: *a", "a: &a [x, x, x, x, x, x, x, x, x]",
            "b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]",
            "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]", "r: &r [*r]", "s: &s {k: *s}", "```", "## Citation",
            "## Heading:", "About", "Related benchmarks", "TaskDatasetResultRank", "Guosheng Lin • 2016",
            "arXiv:1611.06612", "doi:10.1109/x.", "", "   ", "\t");

    /** Values for a {@code key: value} line: malformed, nested, aliased, huge or exotic. */
    List<String> VALUES = List.of(
            "[".repeat(20), "[".repeat(300), "[[[[", "[".repeat(12) + "]".repeat(12), "{a: ".repeat(20), "&x [*x]",
            "&x {k: *x}", "*a", "*undefined", "&a value", "!!binary aGVsbG8=", "!!python/object/apply:os.system ['ls']",
            "!custom x", "|", "|\n  block", ">-", "\"unterminated", "'single", "'it''s'", "~", "null", "", "-", "- a",
            "? x", "1e400", ".nan", ".inf", "1.10", "True", "yes", "2022-13-45", "2022-02-29", "<https://gitee.com/x>",
            "<>", "http://[::1", "https://evil.example/x.ckpt", "a: b: c", "{", "}", "%", "@x", "`x`", "\t", "：",
            "[1, 3, 224, 224]", "[[1, 3], [a]]", "[]", "{}", "cv-classification-extra-x", "inference/x/", "gpu//cpu",
            "x".repeat(5000), "1".repeat(5000) + "x", "模型".repeat(1000), "😀".repeat(1000), "e\u0301".repeat(1000),
            "\u202E" + "abc".repeat(100), " ".repeat(3000) + "x", "#" + " ".repeat(3000) + "x");

    List<String> applyTo(List<String> lines);

    static CardEdit any(Random random) {
        return switch (random.nextInt(8)) {
            case 0 -> new DeleteLine(position(random));
            case 1 -> new DuplicateLine(position(random));
            case 2 -> new SwapLines(position(random), position(random));
            case 3 -> new InsertText(position(random), position(random), Fuzz.pick(random, FRAGMENTS));
            case 4 -> new InsertLine(position(random), Fuzz.pick(random, LINES));
            case 5 -> new DeleteDelimiter(position(random));
            case 6 -> new ReplaceValue(position(random), Fuzz.pick(random, VALUES));
            default -> new Truncate(position(random), position(random));
        };
    }

    private static int position(Random random) {
        return random.nextInt(10_001);
    }

    private static int index(int at, int size) {
        return size == 0 ? 0 : Math.floorMod(at, size);
    }

    record DeleteLine(int at) implements CardEdit {
        @Override
        public String toString() {
            return "delete line " + at;
        }

        public List<String> applyTo(List<String> lines) {
            List<String> edited = new ArrayList<>(lines);
            if (!edited.isEmpty()) {
                edited.remove(index(at, edited.size()));
            }
            return edited;
        }
    }

    record DuplicateLine(int at) implements CardEdit {
        @Override
        public String toString() {
            return "duplicate line " + at;
        }

        public List<String> applyTo(List<String> lines) {
            List<String> edited = new ArrayList<>(lines);
            if (!edited.isEmpty()) {
                int i = index(at, edited.size());
                edited.add(i, edited.get(i));
            }
            return edited;
        }
    }

    record SwapLines(int at, int with) implements CardEdit {
        @Override
        public String toString() {
            return "swap lines " + at + " and " + with;
        }

        public List<String> applyTo(List<String> lines) {
            List<String> edited = new ArrayList<>(lines);
            if (!edited.isEmpty()) {
                Collections.swap(edited, index(at, edited.size()), index(with, edited.size()));
            }
            return edited;
        }
    }

    record InsertText(int line, int column, String text) implements CardEdit {
        @Override
        public String toString() {
            return "insert " + Fuzz.quoted(text) + " at " + line + ":" + column;
        }

        public List<String> applyTo(List<String> lines) {
            List<String> edited = new ArrayList<>(lines);
            if (edited.isEmpty()) {
                edited.add(text);
            } else {
                int i = index(line, edited.size());
                String target = edited.get(i);
                int cut = index(column, target.length() + 1);
                edited.set(i, target.substring(0, cut) + text + target.substring(cut));
            }
            return edited;
        }
    }

    record InsertLine(int at, String line) implements CardEdit {
        @Override
        public String toString() {
            return "insert line " + Fuzz.quoted(line) + " at " + at;
        }

        public List<String> applyTo(List<String> lines) {
            List<String> edited = new ArrayList<>(lines);
            edited.add(index(at, edited.size() + 1), line);
            return edited;
        }
    }

    /** Removes one of the {@code ---} lines, if there is one. */
    record DeleteDelimiter(int nth) implements CardEdit {
        @Override
        public String toString() {
            return "delete delimiter " + nth;
        }

        public List<String> applyTo(List<String> lines) {
            List<Integer> delimiters = new ArrayList<>();
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).strip().equals("---")) {
                    delimiters.add(i);
                }
            }
            List<String> edited = new ArrayList<>(lines);
            if (!delimiters.isEmpty()) {
                edited.remove((int) delimiters.get(index(nth, delimiters.size())));
            }
            return edited;
        }
    }

    /** Replaces what follows a line's first colon (or the whole line, when it has none). */
    record ReplaceValue(int line, String value) implements CardEdit {
        @Override
        public String toString() {
            return "set line " + line + " to " + Fuzz.quoted(value);
        }

        public List<String> applyTo(List<String> lines) {
            List<String> edited = new ArrayList<>(lines);
            if (edited.isEmpty()) {
                edited.add(value);
                return edited;
            }
            int i = index(line, edited.size());
            String target = edited.get(i);
            int colon = target.indexOf(':') >= 0 ? target.indexOf(':') : target.indexOf('：');
            edited.set(i, colon < 0 ? value : target.substring(0, colon + 1) + " " + value);
            return edited;
        }
    }

    /** Cuts the file in the middle of a line, as an interrupted write would. */
    record Truncate(int line, int column) implements CardEdit {
        @Override
        public String toString() {
            return "truncate at " + line + ":" + column;
        }

        public List<String> applyTo(List<String> lines) {
            if (lines.isEmpty()) {
                return lines;
            }
            int i = index(line, lines.size());
            List<String> edited = new ArrayList<>(lines.subList(0, i));
            String target = lines.get(i);
            edited.add(target.substring(0, index(column, target.length() + 1)));
            return edited;
        }
    }
}
