package io.prmos.engine.designer;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.Objects;

/** A designer draft as stored (Flyway V100): one per module and author, the manifest text as the editor holds it. */
@Entity
@Table(name = "designer_draft", schema = "prm_kernel")
@IdClass(DraftEntity.Key.class)
public class DraftEntity extends PanacheEntityBase {

    @Id
    public String module;

    @Id
    public String author;

    @Column(name = "author_name")
    public String authorName;

    @Column(name = "base_version")
    public String baseVersion;

    public String file;

    @Column(columnDefinition = "text")
    public String source;

    public int revision;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    /** The composite key (module, author). */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;

        public String module;
        public String author;

        public Key() {
        }

        public Key(String module, String author) {
            this.module = module;
            this.author = author;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(module, k.module) && Objects.equals(author, k.author);
        }

        @Override
        public int hashCode() {
            return Objects.hash(module, author);
        }
    }
}
