package org.lectern.node.course;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "courses")
class Course {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "short_name", nullable = false, unique = true, length = 30)
    private String shortName;

    @Column(nullable = false, length = 200)
    private String title;

    protected Course() {
    }

    Course(String shortName, String title) {
        this.shortName = shortName;
        this.title = title;
    }

    Long getId() {
        return id;
    }

    String getShortName() {
        return shortName;
    }

    String getTitle() {
        return title;
    }
}
