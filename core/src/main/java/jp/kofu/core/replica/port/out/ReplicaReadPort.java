package jp.kofu.core.replica.port.out;

import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;
import java.util.function.Function;

import jp.kofu.core.replica.domain.HouseholdId;
import jp.kofu.core.replica.domain.Household;
import jp.kofu.core.replica.domain.PersonKey;
import jp.kofu.core.replica.domain.ReplicaEntity;
import jp.kofu.core.replica.domain.Resident;
import jp.kofu.core.replica.domain.SealRegistration;
import jp.kofu.core.replica.domain.SuppressionFlag;
import jp.kofu.core.replica.domain.TaxRecord;
import jp.kofu.core.sync.domain.SourceSystem;
import jp.kofu.core.tenant.domain.LocalGovernmentCode;

/**
 * Reads the replica (証明用データベース) of one tenant.
 *
 * <p>All reads of one certificate go through one {@link Snapshot}: implementations guarantee that a
 * snapshot sees the replica either entirely before or entirely after any batch applied concurrently, so a
 * certificate never mixes pre- and post-batch data (the 2023 Adachi incident).
 */
public interface ReplicaReadPort {

    /**
     * Runs the work against a consistent snapshot of the tenant's replica. The snapshot must not escape
     * the callback.
     */
    <T> T read(LocalGovernmentCode tenant, Function<Snapshot, T> work);

    /**
     * The cardholder of the JPKI certificate with that serial under the first of the issuer's names that has
     * one (a card authenticating at a kiosk): a single lookup, as consistent as a snapshot — nothing of a first
     * load still being written. An adapter may answer it in one statement.
     */
    default Optional<PersonKey> cardholder(LocalGovernmentCode tenant, List<String> issuerNames, BigInteger serial) {
        return read(tenant, snapshot -> {
            for (String issuer : issuerNames) {
                Optional<PersonKey> found = snapshot.cardholder(issuer, serial);
                if (found.isPresent()) {
                    return found;
                }
            }
            return Optional.empty();
        });
    }

    /** A consistent view of one tenant's replica. */
    interface Snapshot {

        Optional<Resident> resident(PersonKey key);

        Optional<Household> household(HouseholdId id);

        /** The household's members in the source's order (世帯主 first), including removed ones. */
        List<Resident> members(HouseholdId id);

        /** The person's seal registration in any state, if one was ever recorded. */
        Optional<SealRegistration> seal(PersonKey key);

        /** The person's tax record of that fiscal year. */
        Optional<TaxRecord> tax(PersonKey key, int fiscalYear);

        /** The person's suppression flags, in force or not. */
        List<SuppressionFlag> suppressionFlags(PersonKey key);

        /**
         * The suppression flags of all these people, in force or not, person by person in the order given (a
         * household's members at once; an adapter may answer in one query).
         */
        default List<SuppressionFlag> suppressionFlags(java.util.Collection<PersonKey> keys) {
            List<SuppressionFlag> flags = new java.util.ArrayList<>();
            for (PersonKey key : new java.util.LinkedHashSet<>(keys)) {
                flags.addAll(suppressionFlags(key));
            }
            return flags;
        }

        /** The cardholder of the JPKI certificate with that issuer and serial. */
        Optional<PersonKey> cardholder(String issuer, BigInteger serial);

        /**
         * Calls the action once for every record of the entity the tenant's replica holds, in no particular
         * order, for the replica check (照合). Implementations stream: they never hold all records in memory.
         * The records are those the other methods return (a tax record's dependants in their canonical
         * order, see {@link TaxRecord}).
         */
        <R> void forEach(ReplicaEntity<R> entity, Consumer<? super R> action);

        /** The last sequence applied for the source, as of this snapshot; empty when none was. */
        OptionalLong appliedSequence(SourceSystem source);
    }
}
