package jp.kofu.adapters.jlis;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Lays out a section of a {@link FormTemplate} (欄の配置): its rows of boxes, top to bottom. A box prints
 * when the form gives it a value; a row prints when at least one of its boxes does; the last printed box of
 * a row takes the rest of the row's width. A row is as tall as its tallest printed box.
 */
final class FormRows {

    /** What a box shows: the value and, for a ruby box, the reading above it (may be empty). */
    record Value(DocumentFont.Run value, DocumentFont.Run reading) {
        static Value of(DocumentFont.Run value) {
            return new Value(value, null);
        }
    }

    private FormRows() {
    }

    /** The height the section takes with these present boxes. */
    static double height(FormTemplate template, String section, Iterable<String> present) {
        List<String> ids = new ArrayList<>();
        present.forEach(ids::add);
        double h = 0;
        for (List<String> row : template.rows(section)) {
            h += rowHeight(template, row, ids::contains);
        }
        return h;
    }

    private static double rowHeight(FormTemplate template, List<String> row, java.util.function.Predicate<String> present) {
        double h = 0;
        for (String id : row) {
            if (present.test(id)) {
                h = Math.max(h, template.box(id).height());
            }
        }
        return h;
    }

    /**
     * Draws the section's rows from {@code top}, between {@code x} and {@code right}.
     *
     * @param suffix appended to each item name in messages and notes, e.g. （1人目）
     * @return the y of the bottom of the last row
     */
    static double draw(Sheet sheet, FormTemplate template, String section, Map<String, Value> values, double x,
                       double top, double right, String suffix) {
        double y = top;
        for (List<String> row : template.rows(section)) {
            double height = rowHeight(template, row, values::containsKey);
            if (height == 0) {
                continue;
            }
            List<String> printed = row.stream().filter(values::containsKey).toList();
            Sheet.Row r = sheet.row(x, y, height, right);
            for (int i = 0; i < printed.size(); i++) {
                String id = printed.get(i);
                FormTemplate.Box box = template.box(id);
                String item = (box.label().isEmpty() ? id : box.label().replace("　", "").replace(" ", "")) + suffix;
                boolean last = i == printed.size() - 1;
                if (box.labelWidth() > 0) {
                    r.label(box.label(), box.labelWidth());
                }
                Value v = values.get(id);
                if (box.ruby()) {
                    r.ruby(v.reading() == null ? sheet.shape("", item) : v.reading(), v.value(), box, last, item);
                } else {
                    r.value(v.value(), box, last, item);
                }
            }
            y = r.bottom();
        }
        return y;
    }
}
