package org.lectern.node.settings;

import org.springframework.data.jpa.repository.JpaRepository;

interface StoredSettingRepository extends JpaRepository<StoredSetting, String> {
}
