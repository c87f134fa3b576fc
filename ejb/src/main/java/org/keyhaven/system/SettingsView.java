package org.keyhaven.system;

/**
 * The server settings a security administrator manages: the environment label, the rotation period given to new keys
 * that name none ({@code null}: no automatic rotation), and whether the admin web UI answers.
 */
public record SettingsView(String environment, String defaultRotationPeriod, boolean adminUiEnabled) {
}
