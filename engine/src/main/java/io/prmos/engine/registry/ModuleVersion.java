package io.prmos.engine.registry;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** One installed version of a module: the manifest as published, its checksum and whether it is active. */
@Entity
@Table(name = "module_version", schema = "prm_kernel")
public class ModuleVersion extends PanacheEntityBase {

    public static final String ACTIVE = "active";
    public static final String SUPERSEDED = "superseded";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String module;

    public String version;

    public String checksum;

    public String file;

    @Column(columnDefinition = "text")
    public String manifest;

    public String status;

    @Column(name = "installed_at")
    public OffsetDateTime installedAt;

    @Column(name = "installed_by")
    public String installedBy;
}
