package jp.kofu.adapters.jlis;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jp.kofu.core.certificate.domain.CertificateContent.Juminhyo;
import jp.kofu.core.certificate.domain.CertificateContent.Member;
import jp.kofu.core.certificate.domain.JapaneseDates;
import jp.kofu.core.gaiji.domain.PrintedText;
import jp.kofu.core.replica.domain.ForeignResidentItems;

/**
 * The 住民票の写し form, 世帯連記式 (household listing): the household's 住所, 方書 and 世帯主, then one
 * block per member, at most the template's {@code membersPerSheet} per page (4 by default), continuing on
 * further pages marked 1/2, 2/2. The boxes, their labels, sizes and order come from the tenant's
 * {@link FormTemplate}.
 *
 * <p>Which items print: the content holds exactly what was asked for, so an item the request did not ask
 * for arrives empty. The form therefore has two kinds of items.
 * <ul>
 *   <li>Always-present items of the standard layout print the blank marker (【空欄】) when empty: 方書,
 *       氏名の振り仮名, 旧氏, 住民となった年月日, 住所を定めた年月日, 届出日, 転入前住所, 記載事由.</li>
 *   <li>Optional items print only when there is something to print: 世帯主 and 続柄 (both only when the
 *       世帯主 is present, i.e. requested), 通称, 本籍・筆頭者, 個人番号 and the foreign-resident items. Once a
 *       group prints, its empty parts print the blank marker (e.g. 在留資格 of a special permanent resident).</li>
 * </ul>
 */
final class JuminhyoForm {

    /** The default 世帯連記式 sheet: four people, then a continuation sheet. */
    static final int MEMBERS_PER_PAGE = 4;

    private static final double GAP = 5;
    private static final double HOUSEHOLD_GAP = 8;
    private static final double END_MARK = 14;

    private final Juminhyo content;
    private final FormTemplate template;

    private JuminhyoForm(Juminhyo content, FormTemplate template) {
        this.content = content;
        this.template = template;
    }

    /** Draws the body pages; the attestation, heads and feet follow in {@link FormParts#finish}. */
    static void draw(CertificatePdf pdf, Juminhyo content) {
        new JuminhyoForm(content, pdf.template()).draw(pdf);
    }

    private void draw(CertificatePdf pdf) {
        List<List<Integer>> pages = paginate();
        for (int p = 0; p < pages.size(); p++) {
            Sheet sheet = pdf.newPage();
            double y = sheet.y(template.head().bodyY());
            y = FormRows.draw(sheet, template, "household", household(sheet), sheet.left(), y, sheet.right(), "")
                    - HOUSEHOLD_GAP;
            for (int index : pages.get(p)) {
                sheet.rule(sheet.left(), y, sheet.right(), y, 1.4);
                y = FormRows.draw(sheet, template, "member", member(sheet, index), sheet.left(), y, sheet.right(),
                        "（" + (index + 1) + "人目）") - GAP;
            }
            boolean last = p == pages.size() - 1;
            sheet.text(last ? "以下余白" : "（次頁に続く）", sheet.right(), Sheet.baselineFor(y - 6, 8), 8,
                    Sheet.Align.RIGHT);
        }
    }

    /**
     * Members per page: at most the template's {@code membersPerSheet} (4 by default; 1 is the 個人票
     * style), fewer when their blocks are taller than the page holds.
     */
    private List<List<Integer>> paginate() {
        double available = template.bodyLimit() - template.head().bodyY()
                - FormRows.height(template, "household", presentHousehold()) - HOUSEHOLD_GAP - END_MARK;
        List<List<Integer>> pages = new ArrayList<>();
        List<Integer> page = new ArrayList<>();
        double used = 0;
        for (int i = 0; i < content.members().size(); i++) {
            double height = FormRows.height(template, "member", presentMember(content.members().get(i))) + GAP;
            if (!page.isEmpty() && (page.size() == template.membersPerSheet() || used + height > available)) {
                pages.add(page);
                page = new ArrayList<>();
                used = 0;
            }
            page.add(i);
            used += height;
        }
        pages.add(page);
        return pages;
    }

    private boolean relationshipRequested() {
        return !content.householdHead().isEmpty();
    }

    private List<String> presentHousehold() {
        List<String> ids = new ArrayList<>(List.of("address", "addressSupplement"));
        if (relationshipRequested()) {
            ids.add("householdHead");
        }
        return ids;
    }

    private Map<String, FormRows.Value> household(Sheet sheet) {
        Map<String, FormRows.Value> v = new LinkedHashMap<>();
        v.put("address", FormRows.Value.of(sheet.shape(content.address(), "住所")));
        v.put("addressSupplement", FormRows.Value.of(orBlank(sheet, content.addressSupplement(), "方書")));
        if (relationshipRequested()) {
            v.put("householdHead", FormRows.Value.of(sheet.shape(content.householdHead(), "世帯主")));
        }
        return v;
    }

    /**
     * The boxes a member prints. Always-present items of the standard layout print the blank marker when
     * empty; optional groups (通称, 本籍・筆頭者, 個人番号, foreign-resident items, 続柄) print only when the
     * content has them, and once a group prints its empty parts print the blank marker.
     */
    private List<String> presentMember(Member m) {
        List<String> ids = new ArrayList<>(List.of("name", "birthDate", "sex", "formerSurname", "becameResidentOn",
                "addressSetOn", "notifiedOn", "addressBeforeMoveIn", "entryReason"));
        if (relationshipRequested()) {
            ids.add("relationship");
        }
        if (!m.alias().isEmpty()) {
            ids.add("alias");
        }
        if (hasDomicile(m)) {
            ids.addAll(List.of("domicile", "domicileHead"));
        }
        if (m.individualNumber().isPresent()) {
            ids.add("individualNumber");
        }
        if (m.foreign().isPresent()) {
            ids.addAll(List.of("nationality", "article30_45Category", "becameForeignResidentOn", "residenceStatus",
                    "periodOfStay", "stayExpiresOn", "residenceCardNumber"));
        }
        return ids;
    }

    private Map<String, FormRows.Value> member(Sheet sheet, int index) {
        Member m = content.members().get(index);
        String who = "（" + (index + 1) + "人目）";
        List<String> present = presentMember(m);
        Map<String, FormRows.Value> v = new LinkedHashMap<>();
        v.put("name", new FormRows.Value(sheet.shape(m.name(), "氏名" + who),
                orBlank(sheet, m.nameKana(), "氏名の振り仮名" + who)));
        v.put("birthDate", FormRows.Value.of(date(sheet, m.birthDate(), "生年月日" + who)));
        v.put("sex", FormRows.Value.of(sheet.shape(m.sex().japanese(), "性別" + who)));
        DocumentFont.Run formerReading = m.formerSurname().isEmpty()
                ? sheet.shape(PrintedText.EMPTY, "")
                : orBlank(sheet, m.formerSurnameKana(), "旧氏の振り仮名" + who);
        v.put("formerSurname", new FormRows.Value(orBlank(sheet, m.formerSurname(), "旧氏" + who), formerReading));
        if (present.contains("relationship")) {
            v.put("relationship", FormRows.Value.of(orBlank(sheet, m.relationship(), "続柄" + who)));
        }
        if (present.contains("alias")) {
            v.put("alias", FormRows.Value.of(sheet.shape(m.alias(), "通称" + who)));
        }
        v.put("becameResidentOn", FormRows.Value.of(date(sheet, m.becameResidentOn(), "住民となった年月日" + who)));
        v.put("addressSetOn", FormRows.Value.of(date(sheet, m.addressSetOn(), "住所を定めた年月日" + who)));
        v.put("notifiedOn", FormRows.Value.of(date(sheet, m.notifiedOn(), "届出日" + who)));
        v.put("addressBeforeMoveIn", FormRows.Value.of(orBlank(sheet, m.addressBeforeMoveIn(), "転入前住所" + who)));
        v.put("entryReason", FormRows.Value.of(orBlank(sheet, m.entryReason(), "記載事由" + who)));
        if (present.contains("domicile")) {
            v.put("domicile", FormRows.Value.of(orBlank(sheet, m.domicile(), "本籍" + who)));
            v.put("domicileHead", FormRows.Value.of(orBlank(sheet, m.domicileHead(), "筆頭者" + who)));
        }
        if (present.contains("individualNumber")) {
            v.put("individualNumber", FormRows.Value.of(sheet.shape(m.individualNumber().get(), "個人番号" + who)));
        }
        if (m.foreign().isPresent()) {
            ForeignResidentItems f = m.foreign().get();
            v.put("nationality", FormRows.Value.of(orBlank(sheet, f.nationality(), "国籍・地域" + who)));
            v.put("article30_45Category", FormRows.Value.of(orBlank(sheet, f.article30_45Category(), "区分" + who)));
            v.put("becameForeignResidentOn", FormRows.Value.of(date(sheet, f.becameForeignResidentOn(),
                    "外国人住民となった年月日" + who)));
            v.put("residenceStatus", FormRows.Value.of(orBlank(sheet, f.residenceStatus(), "在留資格" + who)));
            v.put("periodOfStay", FormRows.Value.of(orBlank(sheet, f.periodOfStay(), "在留期間" + who)));
            v.put("stayExpiresOn", FormRows.Value.of(date(sheet, f.stayExpiresOn(), "在留期間の満了の日" + who)));
            v.put("residenceCardNumber", FormRows.Value.of(orBlank(sheet, f.residenceCardNumber(),
                    "在留カード等の番号" + who)));
        }
        return v;
    }

    private static boolean hasDomicile(Member m) {
        return !m.domicile().isEmpty() || !m.domicileHead().isEmpty();
    }

    private DocumentFont.Run orBlank(Sheet sheet, PrintedText text, String item) {
        return text.isEmpty() ? sheet.shape(content.blankMarker(), "空欄表示") : sheet.shape(text, item);
    }

    private DocumentFont.Run orBlank(Sheet sheet, String text, String item) {
        return orBlank(sheet, PrintedText.plain(text), item);
    }

    private DocumentFont.Run date(Sheet sheet, Optional<LocalDate> date, String item) {
        return date.isPresent() ? date(sheet, date.get(), item) : sheet.shape(content.blankMarker(), "空欄表示");
    }

    private static DocumentFont.Run date(Sheet sheet, LocalDate date, String item) {
        return sheet.shape(JapaneseDates.format(date), item);
    }
}
