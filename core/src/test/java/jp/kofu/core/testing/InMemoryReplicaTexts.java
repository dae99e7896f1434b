package jp.kofu.core.testing;

import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;

import jp.kofu.core.gaiji.domain.CorrespondenceTable;
import jp.kofu.core.gaiji.port.out.ReplicaTextPort;
import jp.kofu.core.gaiji.service.ReplicaTexts;
import jp.kofu.core.replica.domain.Household;
import jp.kofu.core.replica.domain.PersonKey;
import jp.kofu.core.replica.domain.ReplicaContent;
import jp.kofu.core.replica.domain.Resident;
import jp.kofu.core.replica.domain.SealRegistration;
import jp.kofu.core.replica.domain.TaxRecord;
import jp.kofu.core.replica.port.out.ReplicaReadPort;
import jp.kofu.core.replica.port.out.ReplicaWritePort;
import jp.kofu.core.sync.domain.BatchManifest;
import jp.kofu.core.sync.domain.SourceSystem;
import jp.kofu.core.tenant.domain.LocalGovernmentCode;

/**
 * An in-memory replica (証明用データベース) that also implements {@link ReplicaTextPort}: an
 * {@link InMemoryReplica} whose content per source is kept, so that a re-conversion can write the converted
 * content back through the same rules. Thread-safe (writes are serialised).
 */
public final class InMemoryReplicaTexts implements ReplicaReadPort, ReplicaWritePort, ReplicaTextPort {

    private final InMemoryReplica replica = new InMemoryReplica();
    private final Map<String, Map<SourceSystem, Loaded>> loaded = new ConcurrentHashMap<>();

    private record Loaded(BatchManifest manifest, ReplicaContent content) {
    }

    @Override
    public <T> T read(LocalGovernmentCode tenant, Function<Snapshot, T> work) {
        return replica.read(tenant, work);
    }

    @Override
    public synchronized void replaceAll(LocalGovernmentCode tenant, List<BatchManifest> manifests, ReplicaContent content) {
        replica.replaceAll(tenant, manifests, content);
        Map<SourceSystem, Loaded> sources = loaded.computeIfAbsent(tenant.value(), t -> new EnumMap<>(SourceSystem.class));
        for (BatchManifest m : manifests) {
            sources.put(m.source(), new Loaded(m, m.source() == SourceSystem.TAX ? taxOnly(content) : withoutTax(content)));
        }
    }

    @Override
    public OptionalLong lastAppliedSequence(LocalGovernmentCode tenant, SourceSystem source) {
        return replica.lastAppliedSequence(tenant, source);
    }

    @Override
    public void forEachText(LocalGovernmentCode tenant, boolean onlyUnidentified, Consumer<TextItem> visitor) {
        ReplicaTexts.forEachText(all(tenant), item -> {
            if (!onlyUnidentified || item.text().hasUnidentified()) {
                visitor.accept(item);
            }
        });
    }

    @Override
    public synchronized Reconversion reconvert(LocalGovernmentCode tenant, CorrespondenceTable table) {
        Map<SourceSystem, Loaded> sources = loaded.getOrDefault(tenant.value(), Map.of());
        Set<PersonKey> persons = new HashSet<>();
        int[] households = {0};
        int[] items = {0};
        for (Map.Entry<SourceSystem, Loaded> e : Map.copyOf(sources).entrySet()) {
            ReplicaContent before = e.getValue().content();
            ReplicaContent after = ReplicaTexts.convert(before, table);
            if (after == before) {
                continue;
            }
            count(before, after, persons, households, items);
            replica.replaceAll(tenant, List.of(e.getValue().manifest()), after);
            sources.put(e.getKey(), new Loaded(e.getValue().manifest(), after));
        }
        return new Reconversion(persons, households[0], items[0]);
    }

    private static void count(ReplicaContent before, ReplicaContent after, Set<PersonKey> persons, int[] households,
                              int[] items) {
        for (int i = 0; i < before.residents().size(); i++) {
            Resident b = before.residents().get(i);
            Resident a = after.residents().get(i);
            if (a != b) {
                persons.add(a.key());
                List<jp.kofu.core.gaiji.domain.PrintedText> tb = b.texts().toList();
                List<jp.kofu.core.gaiji.domain.PrintedText> ta = a.texts().toList();
                for (int k = 0; k < tb.size(); k++) {
                    items[0] += tb.get(k).equals(ta.get(k)) ? 0 : 1;
                }
            }
        }
        for (int i = 0; i < before.households().size(); i++) {
            Household b = before.households().get(i);
            if (after.households().get(i) != b) {
                households[0]++;
                items[0]++;
            }
        }
        for (int i = 0; i < before.seals().size(); i++) {
            SealRegistration b = before.seals().get(i);
            if (after.seals().get(i) != b) {
                persons.add(b.person());
                items[0]++;
            }
        }
        for (int i = 0; i < before.taxRecords().size(); i++) {
            TaxRecord b = before.taxRecords().get(i);
            TaxRecord a = after.taxRecords().get(i);
            if (a != b) {
                persons.add(b.person());
                items[0] += b.addressOnJanuary1().equals(a.addressOnJanuary1()) ? 0 : 1;
                for (int k = 0; k < b.dependants().size(); k++) {
                    items[0] += b.dependants().get(k).equals(a.dependants().get(k)) ? 0 : 1;
                }
            }
        }
    }

    private ReplicaContent all(LocalGovernmentCode tenant) {
        ReplicaContent all = ReplicaContent.empty();
        for (Loaded l : loaded.getOrDefault(tenant.value(), Map.of()).values()) {
            all = all.plus(l.content());
        }
        return all;
    }

    private static ReplicaContent taxOnly(ReplicaContent c) {
        return new ReplicaContent(List.of(), List.of(), List.of(), List.of(), List.of(), c.taxRecords());
    }

    private static ReplicaContent withoutTax(ReplicaContent c) {
        return new ReplicaContent(c.residents(), c.households(), c.seals(), c.suppressionFlags(), c.cardholders(),
                List.of());
    }
}
