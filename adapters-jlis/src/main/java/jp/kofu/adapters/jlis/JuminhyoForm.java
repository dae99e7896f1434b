package jp.kofu.adapters.jlis;

import static jp.kofu.adapters.jlis.Sheet.LEFT;
import static jp.kofu.adapters.jlis.Sheet.RIGHT;
import static jp.kofu.adapters.jlis.Sheet.VALUE_SIZE;
import static jp.kofu.adapters.jlis.Sheet.baselineFor;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jp.kofu.core.certificate.domain.CertificateContent.Juminhyo;
import jp.kofu.core.certificate.domain.CertificateContent.Member;
import jp.kofu.core.certificate.domain.JapaneseDates;
import jp.kofu.core.gaiji.domain.PrintedText;
import jp.kofu.core.replica.domain.ForeignResidentItems;

/**
 * The 住民票の写し form, 世帯連記式 (household listing): the household's 住所, 方書 and 世帯主, then one
 * block per member, at most {@link #MEMBERS_PER_PAGE} per page, continuing on further pages marked 1/2, 2/2.
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

    static final int MEMBERS_PER_PAGE = 4;

    private static final double GAP = 5;
    private static final double NAME_ROW = 30;
    private static final double READING_ROW = 24;
    private static final double ROW = 16;
    private static final double LABEL = 44;
    private static final double WIDE_LABEL = 64;

    private final Juminhyo content;
    private final boolean relationshipRequested;

    private JuminhyoForm(Juminhyo content) {
        this.content = content;
        this.relationshipRequested = !content.householdHead().isEmpty();
    }

    static void draw(CertificatePdf pdf, Juminhyo content) {
        new JuminhyoForm(content).draw(pdf);
    }

    private void draw(CertificatePdf pdf) {
        List<List<Integer>> pages = paginate();
        for (int p = 0; p < pages.size(); p++) {
            Sheet sheet = pdf.newPage();
            double y = FormParts.head(sheet, content.title(), content.attestation(), p + 1, pages.size());
            y = household(sheet, y) - 8;
            for (int index : pages.get(p)) {
                y = member(sheet, y, index) - GAP;
            }
            boolean last = p == pages.size() - 1;
            sheet.text(last ? "以下余白" : "（次頁に続く）", RIGHT, baselineFor(y - 6, 8), 8, Sheet.Align.RIGHT);
            if (last) {
                FormParts.attestation(sheet, content.attestation());
            }
            FormParts.foot(sheet, content.attestation());
        }
    }

    /** Members per page: at most four, fewer when their blocks are taller than the page holds. */
    private List<List<Integer>> paginate() {
        double available = FormParts.BODY_TOP - householdHeight() - 8 - 14 - FormParts.ATTESTATION_TOP;
        List<List<Integer>> pages = new ArrayList<>();
        List<Integer> page = new ArrayList<>();
        double used = 0;
        for (int i = 0; i < content.members().size(); i++) {
            double height = memberHeight(content.members().get(i)) + GAP;
            if (!page.isEmpty() && (page.size() == MEMBERS_PER_PAGE || used + height > available)) {
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

    private double householdHeight() {
        return 22 + ROW + (relationshipRequested ? 18 : 0);
    }

    private double household(Sheet sheet, double top) {
        double y = sheet.row(top, 22).label("住所", LABEL)
                .value(sheet.shape(content.address(), "住所"), 0, Sheet.Align.LEFT, 10.5, "住所").bottom();
        y = sheet.row(y, ROW).label("方書", LABEL).rest(orBlank(sheet, content.addressSupplement(), "方書"), "方書")
                .bottom();
        if (relationshipRequested) {
            y = sheet.row(y, 18).label("世帯主", LABEL)
                    .value(sheet.shape(content.householdHead(), "世帯主"), 0, Sheet.Align.LEFT, 10.5, "世帯主")
                    .bottom();
        }
        return y;
    }

    private double memberHeight(Member m) {
        double h = NAME_ROW + READING_ROW + ROW + 18 + ROW;
        if (!m.alias().isEmpty()) {
            h += ROW;
        }
        if (hasDomicile(m)) {
            h += ROW;
        }
        if (m.individualNumber().isPresent()) {
            h += ROW;
        }
        if (m.foreign().isPresent()) {
            h += 3 * ROW;
        }
        return h;
    }

    private double member(Sheet sheet, double top, int index) {
        Member m = content.members().get(index);
        String who = "（" + (index + 1) + "人目）";
        sheet.rule(LEFT, top, RIGHT, top, 1.4);

        double y = sheet.row(top, NAME_ROW)
                .label("氏名", LABEL)
                .ruby(orBlank(sheet, m.nameKana(), "氏名の振り仮名" + who), sheet.shape(m.name(), "氏名" + who), 216,
                        11.5, "氏名" + who)
                .label("生年月日", LABEL)
                .value(date(sheet, m.birthDate(), "生年月日" + who), 100, "生年月日" + who)
                .label("性別", 30)
                .rest(sheet.shape(m.sex().japanese(), "性別" + who), "性別" + who)
                .bottom();

        Sheet.Row former = sheet.row(y, READING_ROW).label("旧氏", LABEL);
        DocumentFont.Run formerReading = m.formerSurname().isEmpty()
                ? sheet.shape(PrintedText.EMPTY, "")
                : orBlank(sheet, m.formerSurnameKana(), "旧氏の振り仮名" + who);
        if (relationshipRequested) {
            former.ruby(formerReading, orBlank(sheet, m.formerSurname(), "旧氏" + who), 216, VALUE_SIZE, "旧氏" + who)
                    .label("続柄", LABEL)
                    .rest(orBlank(sheet, m.relationship(), "続柄" + who), "続柄" + who);
        } else {
            former.ruby(formerReading, orBlank(sheet, m.formerSurname(), "旧氏" + who), 0, VALUE_SIZE, "旧氏" + who);
        }
        y = former.bottom();

        if (!m.alias().isEmpty()) {
            y = sheet.row(y, ROW).label("通称", LABEL).rest(sheet.shape(m.alias(), "通称" + who), "通称" + who).bottom();
        }

        y = sheet.row(y, ROW)
                .label("住民となった年月日", 84)
                .value(date(sheet, m.becameResidentOn(), "住民となった年月日" + who), 86, "住民となった年月日" + who)
                .label("住所を定めた年月日", 84)
                .value(date(sheet, m.addressSetOn(), "住所を定めた年月日" + who), 86, "住所を定めた年月日" + who)
                .label("届出日", LABEL)
                .rest(date(sheet, m.notifiedOn(), "届出日" + who), "届出日" + who)
                .bottom();
        y = sheet.row(y, 18).label("転入前住所", WIDE_LABEL)
                .rest(orBlank(sheet, m.addressBeforeMoveIn(), "転入前住所" + who), "転入前住所" + who).bottom();
        y = sheet.row(y, ROW).label("記載事由", WIDE_LABEL)
                .rest(orBlank(sheet, m.entryReason(), "記載事由" + who), "記載事由" + who).bottom();

        if (hasDomicile(m)) {
            y = sheet.row(y, ROW)
                    .label("本籍", LABEL).value(orBlank(sheet, m.domicile(), "本籍" + who), 300, "本籍" + who)
                    .label("筆頭者", LABEL).rest(orBlank(sheet, m.domicileHead(), "筆頭者" + who), "筆頭者" + who)
                    .bottom();
        }
        if (m.individualNumber().isPresent()) {
            y = sheet.row(y, ROW).label("個人番号", WIDE_LABEL)
                    .rest(sheet.shape(m.individualNumber().get(), "個人番号" + who), "個人番号" + who).bottom();
        }
        if (m.foreign().isPresent()) {
            y = foreign(sheet, y, m.foreign().get(), who);
        }
        return y;
    }

    private double foreign(Sheet sheet, double top, ForeignResidentItems f, String who) {
        double y = sheet.row(top, ROW)
                .label("国籍・地域", WIDE_LABEL)
                .value(orBlank(sheet, f.nationality(), "国籍・地域" + who), 130, "国籍・地域" + who)
                .label("法第30条の45に規定する区分", 130)
                .rest(orBlank(sheet, f.article30_45Category(), "区分" + who), "区分" + who)
                .bottom();
        y = sheet.row(y, ROW)
                .label("外国人住民となった年月日", 110)
                .value(date(sheet, f.becameForeignResidentOn(), "外国人住民となった年月日" + who), 90,
                        "外国人住民となった年月日" + who)
                .label("在留資格", 50)
                .rest(orBlank(sheet, f.residenceStatus(), "在留資格" + who), "在留資格" + who)
                .bottom();
        return sheet.row(y, ROW)
                .label("在留期間", 50)
                .value(orBlank(sheet, f.periodOfStay(), "在留期間" + who), 70, "在留期間" + who)
                .label("在留期間の満了の日", 84)
                .value(date(sheet, f.stayExpiresOn(), "在留期間の満了の日" + who), 90, "在留期間の満了の日" + who)
                .label("在留カード等の番号", 84)
                .rest(orBlank(sheet, f.residenceCardNumber(), "在留カード等の番号" + who), "在留カード等の番号" + who)
                .bottom();
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
