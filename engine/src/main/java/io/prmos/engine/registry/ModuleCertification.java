package io.prmos.engine.registry;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** The certification recorded for a module version (written by {@link CertificationGate}, read by the module list). */
@Entity
@Table(name = "module_certification", schema = "prm_kernel")
public class ModuleCertification extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String module;

    public String version;

    @Column(name = "manifest_checksum")
    public String manifestChecksum;

    public boolean passed;

    /** The certificate's checks as JSON text: [{"id","status","findings"}]. */
    @Column(columnDefinition = "text")
    public String checks;

    @Column(name = "tool_version")
    public String toolVersion;

    @Column(name = "certified_at")
    public String certifiedAt;

    public String digest;

    public boolean signed;

    @Column(name = "recorded_at")
    public OffsetDateTime recordedAt;

    @Column(name = "recorded_by")
    public String recordedBy;
}
