package jp.kofu.adapters.persistence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import jp.kofu.core.certificate.domain.CertificateKind;
import jp.kofu.core.certificate.domain.CertificateRequest;
import jp.kofu.core.gaiji.domain.PrintedText;
import jp.kofu.core.replica.domain.PersonKey;
import jp.kofu.core.replica.domain.TaxRecord;
import jp.kofu.core.tenant.domain.CalendarException;
import jp.kofu.core.tenant.domain.LocalGovernmentCode;
import jp.kofu.core.tenant.domain.MaintenanceWindow;
import jp.kofu.core.tenant.domain.ServiceHours;
import jp.kofu.core.tenant.domain.CertificatePrinting;
import jp.kofu.core.tenant.domain.TenantSettings;
import jp.kofu.core.tenant.domain.TestMode;

/**
 * The JSON documents stored in text columns (JSON列): tenant settings, the variable-length lines of a tax
 * record and a certificate request. Written field by field rather than by reflection so that the stored
 * format stays stable when a record gains a component; a missing field reads as its default.
 */
final class Json {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    // ---- tenant settings ----------------------------------------------------------------------------

    static String settings(TenantSettings s) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("name", s.name());
        root.put("mayorTitle", s.mayorTitle());
        root.put("mayorName", s.mayorName());
        root.put("zone", s.zone().getId());
        ObjectNode hours = root.putObject("hours");
        hours.put("opens", s.hours().opens().toString());
        hours.put("closes", s.hours().closes().toString());
        ArrayNode closed = hours.putArray("closedDays");
        new TreeSet<>(s.hours().closedDays()).forEach(d -> closed.add(d.toString()));
        ObjectNode fees = root.putObject("fees");
        new TreeMap<>(s.fees()).forEach((k, v) -> fees.put(k.cliName(), v));
        ArrayNode kinds = root.putArray("enabledKinds");
        new TreeSet<>(s.enabledKinds()).forEach(k -> kinds.add(k.cliName()));
        root.put("individualNumberOnJuminhyo", s.individualNumberOnJuminhyo());
        ObjectNode ages = root.putObject("minimumAge");
        new TreeMap<>(s.minimumAge()).forEach((k, v) -> ages.put(k.cliName(), v));
        root.put("blankMarker", s.blankMarker());
        root.put("kioskMarker", s.kioskMarker());
        root.put("taxYearSwitch", s.taxYearSwitch().toString());
        ObjectNode printing = root.putObject("printing");
        printing.put("inkanSex", s.printing().inkanSex());
        printing.put("inkanRegistrationNumber", s.printing().inkanRegistrationNumber());
        printing.put("taxSwitchWindowDays", s.printing().taxSwitchWindowDays());
        ArrayNode exceptions = root.putArray("calendarExceptions");
        for (CalendarException e : s.calendarExceptions()) {
            ObjectNode n = exceptions.addObject();
            n.put("day", e.day().toString());
            e.opens().ifPresent(t -> n.put("opens", t.toString()));
            e.closes().ifPresent(t -> n.put("closes", t.toString()));
            n.put("notice", e.notice());
        }
        ArrayNode windows = root.putArray("maintenanceWindows");
        for (MaintenanceWindow w : s.maintenanceWindows()) {
            windows.addObject().put("from", w.from().toString()).put("until", w.until().toString()).put("notice", w.notice());
        }
        ObjectNode test = root.putObject("testMode");
        test.put("enabled", s.testMode().enabled());
        ArrayNode residents = test.putArray("residents");
        new TreeSet<>(s.testMode().testResidents()).forEach(k -> residents.add(k.value()));
        return write(root);
    }

    static TenantSettings settings(String code, String json) {
        JsonNode root = read(json);
        JsonNode hours = root.path("hours");
        Set<MonthDay> closedDays = new HashSet<>();
        hours.path("closedDays").forEach(d -> closedDays.add(MonthDay.parse(d.asText())));
        Map<CertificateKind, Long> fees = new EnumMap<>(CertificateKind.class);
        root.path("fees").properties().forEach(e -> fees.put(CertificateKind.fromCliName(e.getKey()), e.getValue().asLong()));
        Set<CertificateKind> kinds = EnumSet.noneOf(CertificateKind.class);
        root.path("enabledKinds").forEach(k -> kinds.add(CertificateKind.fromCliName(k.asText())));
        Map<CertificateKind, Integer> ages = new EnumMap<>(CertificateKind.class);
        root.path("minimumAge").properties().forEach(e -> ages.put(CertificateKind.fromCliName(e.getKey()), e.getValue().asInt()));
        JsonNode taxYearSwitch = root.path("taxYearSwitch");
        return new TenantSettings(
                LocalGovernmentCode.parse(code),
                root.path("name").asText(),
                root.path("mayorTitle").asText(),
                root.path("mayorName").asText(),
                ZoneId.of(root.path("zone").asText("Asia/Tokyo")),
                new ServiceHours(LocalTime.parse(hours.path("opens").asText()), LocalTime.parse(hours.path("closes").asText()),
                        closedDays),
                fees,
                kinds,
                root.path("individualNumberOnJuminhyo").asBoolean(false),
                ages,
                textOrNull(root.path("blankMarker")),
                textOrNull(root.path("kioskMarker")),
                taxYearSwitch.isTextual() ? MonthDay.parse(taxYearSwitch.asText()) : null,
                calendarExceptions(root.path("calendarExceptions")),
                maintenanceWindows(root.path("maintenanceWindows")),
                testMode(root.path("testMode")))
                .withPrinting(printing(root.path("printing")));
    }

    /** Settings stored before the printing rules existed read as the standard ones. */
    private static CertificatePrinting printing(JsonNode n) {
        CertificatePrinting standard = CertificatePrinting.standard();
        return new CertificatePrinting(n.path("inkanSex").asBoolean(standard.inkanSex()),
                n.path("inkanRegistrationNumber").asBoolean(standard.inkanRegistrationNumber()),
                n.path("taxSwitchWindowDays").asInt(standard.taxSwitchWindowDays()));
    }

    // settings stored before these fields existed lack them: they read as none and test mode off

    private static List<CalendarException> calendarExceptions(JsonNode array) {
        List<CalendarException> out = new ArrayList<>();
        for (JsonNode n : array) {
            out.add(new CalendarException(LocalDate.parse(n.path("day").asText()),
                    n.path("opens").isTextual() ? Optional.of(LocalTime.parse(n.path("opens").asText())) : Optional.empty(),
                    n.path("closes").isTextual() ? Optional.of(LocalTime.parse(n.path("closes").asText())) : Optional.empty(),
                    n.path("notice").asText("")));
        }
        return out;
    }

    private static List<MaintenanceWindow> maintenanceWindows(JsonNode array) {
        List<MaintenanceWindow> out = new ArrayList<>();
        for (JsonNode n : array) {
            out.add(new MaintenanceWindow(LocalDateTime.parse(n.path("from").asText()),
                    LocalDateTime.parse(n.path("until").asText()), n.path("notice").asText("")));
        }
        return out;
    }

    private static TestMode testMode(JsonNode node) {
        Set<PersonKey> residents = new HashSet<>();
        node.path("residents").forEach(k -> residents.add(new PersonKey(k.asText())));
        return new TestMode(node.path("enabled").asBoolean(false), residents);
    }

    // ---- tax record lines -----------------------------------------------------------------------------

    static String incomes(List<TaxRecord.Income> incomes) {
        ArrayNode array = MAPPER.createArrayNode();
        for (TaxRecord.Income i : incomes) {
            array.addObject().put("kind", i.kind().name()).put("revenue", i.revenue()).put("amount", i.amount());
        }
        return write(array);
    }

    static List<TaxRecord.Income> incomes(String json) {
        List<TaxRecord.Income> out = new ArrayList<>();
        for (JsonNode n : read(json)) {
            out.add(new TaxRecord.Income(TaxRecord.IncomeKind.valueOf(n.path("kind").asText()),
                    n.path("revenue").asLong(), n.path("amount").asLong()));
        }
        return out;
    }

    static String deductions(List<TaxRecord.Deduction> deductions) {
        ArrayNode array = MAPPER.createArrayNode();
        for (TaxRecord.Deduction d : deductions) {
            array.addObject().put("kind", d.kind().name()).put("amount", d.amount());
        }
        return write(array);
    }

    static List<TaxRecord.Deduction> deductions(String json) {
        List<TaxRecord.Deduction> out = new ArrayList<>();
        for (JsonNode n : read(json)) {
            out.add(new TaxRecord.Deduction(TaxRecord.DeductionKind.valueOf(n.path("kind").asText()),
                    n.path("amount").asLong()));
        }
        return out;
    }

    static String dependants(List<TaxRecord.Dependant> dependants) {
        ArrayNode array = MAPPER.createArrayNode();
        for (TaxRecord.Dependant d : dependants) {
            array.addObject().put("name", d.name().toTagged()).put("relationship", d.relationship()).put("filed", d.filed());
        }
        return write(array);
    }

    static List<TaxRecord.Dependant> dependants(String json) {
        List<TaxRecord.Dependant> out = new ArrayList<>();
        for (JsonNode n : read(json)) {
            out.add(new TaxRecord.Dependant(PrintedText.parse(n.path("name").asText()), n.path("relationship").asText(),
                    n.path("filed").asBoolean()));
        }
        return out;
    }

    // ---- certificate request --------------------------------------------------------------------------

    static String request(CertificateRequest request) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("kind", request.kind().cliName());
        root.put("copies", request.copies());
        if (request instanceof CertificateRequest.Juminhyo j) {
            ArrayNode members = root.putArray("members");
            new TreeSet<>(j.members()).forEach(m -> members.add(m.value()));
            root.put("householdHeadAndRelationship", j.householdHeadAndRelationship());
            root.put("domicile", j.domicile());
            root.put("individualNumber", j.individualNumber());
            root.put("foreignItems", j.foreignItems());
        } else if (request instanceof CertificateRequest.Shotoku s && s.fiscalYear().isPresent()) {
            root.put("fiscalYear", s.fiscalYear().getAsInt());
        }
        return write(root);
    }

    static CertificateRequest request(String json) {
        JsonNode root = read(json);
        int copies = root.path("copies").asInt(1);
        return switch (CertificateKind.fromCliName(root.path("kind").asText())) {
            case JUMINHYO -> {
                Set<PersonKey> members = new HashSet<>();
                root.path("members").forEach(m -> members.add(new PersonKey(m.asText())));
                yield new CertificateRequest.Juminhyo(members, root.path("householdHeadAndRelationship").asBoolean(),
                        root.path("domicile").asBoolean(), root.path("individualNumber").asBoolean(),
                        root.path("foreignItems").asBoolean(), copies);
            }
            case INKAN -> new CertificateRequest.Inkan(copies);
            case SHOTOKU -> new CertificateRequest.Shotoku(
                    root.path("fiscalYear").isInt() ? OptionalInt.of(root.path("fiscalYear").asInt()) : OptionalInt.empty(),
                    copies);
        };
    }

    // ---------------------------------------------------------------------------------------------------

    private static String textOrNull(JsonNode node) {
        return node.isTextual() ? node.asText() : null;
    }

    private static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode read(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (IOException e) {
            // the stored document itself is not quoted: it may hold names
            throw new IllegalStateException("a stored JSON document is malformed", e);
        }
    }
}
