package jp.kofu.core.issuance.port.in;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

import jp.kofu.core.certificate.domain.CertificateContent;
import jp.kofu.core.certificate.domain.CertificateKind;
import jp.kofu.core.certificate.domain.CertificateRequest;
import jp.kofu.core.gaiji.domain.PrintedText;
import jp.kofu.core.issuance.domain.CardCredential;
import jp.kofu.core.issuance.domain.CardRefusal;
import jp.kofu.core.issuance.domain.Challenge;
import jp.kofu.core.issuance.domain.Issuance;
import jp.kofu.core.issuance.domain.IssuanceChannel;
import jp.kofu.core.issuance.domain.IssuanceId;
import jp.kofu.core.issuance.domain.KioskSession;
import jp.kofu.core.replica.domain.PersonKey;
import jp.kofu.core.suppression.domain.SuppressionDecision;
import jp.kofu.core.tenant.domain.LocalGovernmentCode;
import jp.kofu.core.tenant.domain.ServiceAvailability;

/**
 * Kiosk issuance (コンビニ交付) as the J-LIS flow runs it: challenge → authenticate → menu → prepare →
 * complete. Every step names the tenant and the store; after authentication every step names the session,
 * and the applicant is always the session's cardholder.
 */
public interface KioskIssuanceUseCase {

    /** Issues a single-use challenge for the kiosk's card to sign. */
    ChallengeOutcome challenge(ChallengeCommand command);

    /** Verifies the card and its signature over the challenge and opens a session for its holder. */
    AuthenticationOutcome authenticate(AuthenticateCommand command);

    /** What the session's cardholder may obtain. */
    MenuOutcome menu(SessionQuery query);

    /** Prepares a certificate for the session's cardholder: the PDF and a prepared issuance. */
    PrepareOutcome prepare(PrepareCommand command);

    /** Records how a prepared issuance of the session ended. */
    CompleteOutcome complete(CompleteCommand command);

    /**
     * Voids the prepared issuances without a completion in time (応答なし) and purges expired challenges and
     * sessions. Safe to run on every node at once.
     */
    Sweep sweep();

    // ---- commands ----------------------------------------------------------------------------------------

    /** @param channel the store (店舗コード) and prefecture the kiosk is in */
    record ChallengeCommand(LocalGovernmentCode tenant, IssuanceChannel channel) {
        public ChallengeCommand {
            Objects.requireNonNull(tenant);
            Objects.requireNonNull(channel);
        }
    }

    /** @param nonce the challenge's nonce as sent to the kiosk (URL-safe base64) */
    record AuthenticateCommand(LocalGovernmentCode tenant, IssuanceChannel channel, String nonce,
                               CardCredential credential) {
        public AuthenticateCommand {
            Objects.requireNonNull(tenant);
            Objects.requireNonNull(channel);
            Objects.requireNonNull(nonce);
            Objects.requireNonNull(credential);
        }
    }

    /** A call of an authenticated session. */
    record SessionQuery(LocalGovernmentCode tenant, IssuanceChannel channel, String session) {
        public SessionQuery {
            Objects.requireNonNull(tenant);
            Objects.requireNonNull(channel);
            Objects.requireNonNull(session);
        }
    }

    record PrepareCommand(LocalGovernmentCode tenant, IssuanceChannel channel, String session,
                          CertificateRequest request) {
        public PrepareCommand {
            Objects.requireNonNull(tenant);
            Objects.requireNonNull(channel);
            Objects.requireNonNull(session);
            Objects.requireNonNull(request);
        }
    }

    /**
     * @param result printed and paid, print failed, or cancelled by the resident
     * @param feePaid the fee paid in 円 when printed
     */
    record CompleteCommand(LocalGovernmentCode tenant, IssuanceChannel channel, String session, IssuanceId issuance,
                           KioskResult result, long feePaid) {
        public CompleteCommand {
            Objects.requireNonNull(tenant);
            Objects.requireNonNull(channel);
            Objects.requireNonNull(session);
            Objects.requireNonNull(issuance);
            Objects.requireNonNull(result);
            if (feePaid < 0) {
                throw new IllegalArgumentException("negative fee");
            }
        }
    }

    /** How the kiosk ended an issuance. */
    enum KioskResult {
        /** 印刷・精算済. */
        PRINTED,
        /** 印刷失敗. */
        FAILED,
        /** 利用者取消. */
        CANCELLED
    }

    // ---- outcomes ------------------------------------------------------------------------------------------

    /** Answers every step can give before it does its own work. */
    sealed interface Common extends ChallengeOutcome, AuthenticationOutcome, MenuOutcome, PrepareOutcome, CompleteOutcome
            permits UnknownTenant, Unavailable, SessionInvalid {
    }

    /** The tenant is not served here. */
    record UnknownTenant() implements Common {
    }

    /** Outside the service hours or in maintenance: a distinct refusal with the notice. */
    record Unavailable(ServiceAvailability availability) implements Common {
        public Unavailable {
            Objects.requireNonNull(availability);
            if (availability.isOpen()) {
                throw new IllegalArgumentException("an open service is not unavailable");
            }
        }
    }

    /** The session is unknown, expired, or belongs to another tenant or store. */
    record SessionInvalid() implements Common {
    }

    sealed interface ChallengeOutcome permits ChallengeIssued, Common {
    }

    record ChallengeIssued(Challenge challenge) implements ChallengeOutcome {
    }

    sealed interface AuthenticationOutcome permits Authenticated, CardRefused, Common {
    }

    record Authenticated(KioskSession session) implements AuthenticationOutcome {
    }

    /**
     * @param reason the failed check
     * @param detail for staff and logs: never personal data (no card serial, 宛名番号 or name)
     */
    record CardRefused(CardRefusal reason, String detail) implements AuthenticationOutcome {
    }

    sealed interface MenuOutcome permits Menu, Common {
    }

    /** The menu: one item per kind the tenant offers. */
    record Menu(KioskSession session, List<MenuItem> items) implements MenuOutcome {
        public Menu {
            items = List.copyOf(items);
        }
    }

    /**
     * One kind on the menu: offered (with fee, members and year), or not — then the kiosk says only
     * "please ask at the counter" and the reasons are for staff.
     *
     * @param members for 住民票: the current members of the household, head first, to choose from
     * @param fiscalYear for 所得: the year offered
     * @param refusals empty when offered
     */
    record MenuItem(CertificateKind kind, long fee, List<MenuMember> members, OptionalInt fiscalYear,
                    List<SuppressionDecision.Refused> refusals) {
        public MenuItem {
            Objects.requireNonNull(kind);
            members = List.copyOf(members);
            fiscalYear = fiscalYear == null ? OptionalInt.empty() : fiscalYear;
            refusals = List.copyOf(refusals);
        }

        public boolean offered() {
            return refusals.isEmpty();
        }
    }

    /** A household member the cardholder may choose on a 住民票. */
    record MenuMember(PersonKey key, PrintedText name, boolean cardholder) {
    }

    sealed interface PrepareOutcome permits Prepared, Refused, Common {
    }

    /** The certificate is prepared: print it, then report the completion. */
    record Prepared(Issuance.Prepared issuance, CertificateContent content, byte[] pdf) implements PrepareOutcome {
    }

    /** Suppressed (発行抑止): the kiosk shows only "please ask at the counter". */
    record Refused(List<SuppressionDecision.Refused> reasons) implements PrepareOutcome {
        public Refused {
            reasons = List.copyOf(reasons);
        }
    }

    sealed interface CompleteOutcome permits Completed, NotCompletable, Common {
    }

    /** The issuance is now issued or voided. */
    record Completed(Issuance issuance) implements CompleteOutcome {
    }

    /**
     * The issuance cannot be completed by this session.
     *
     * @param why unknown (or another session's), or already completed (its current state given)
     * @param current the current state when it was already completed
     */
    record NotCompletable(Why why, java.util.Optional<Issuance> current) implements CompleteOutcome {
        /** Why an issuance is not completable. */
        public enum Why {
            /** No such issuance of this session's cardholder and store. */
            UNKNOWN,
            /** Issued or voided before. */
            ALREADY_COMPLETED
        }
    }

    /**
     * What a sweep did.
     *
     * @param voided prepared issuances voided for lack of an answer
     * @param purged expired challenges and sessions deleted
     * @param at when it ran
     */
    record Sweep(int voided, int purged, Instant at) {
    }
}
