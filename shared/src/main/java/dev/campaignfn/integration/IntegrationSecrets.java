package dev.campaignfn.integration;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.campaignfn.common.ConflictException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * A destination's secrets at rest: their JSON sealed with AES-256-GCM under the configured key, stored as
 * {@code v1:<base64 of nonce + ciphertext + tag>}. A database dump alone does not reveal them; the key lives in the
 * functions' environment (in AWS, a NoEcho parameter), never in the database or the repository.
 */
@ApplicationScoped
public class IntegrationSecrets {

    private static final String VERSION = "v1:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SecureRandom random = new SecureRandom();

    @Inject
    IntegrationsConfig config;

    public String seal(Map<String, String> secrets) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key(), new GCMParameterSpec(TAG_BITS, nonce));
            byte[] sealed = cipher.doFinal(JSON.writeValueAsBytes(secrets));
            return VERSION + Base64.getEncoder().encodeToString(ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array());
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException("could not encrypt the integration's secrets", e);
        }
    }

    public Map<String, String> open(String stored) {
        try {
            byte[] all = Base64.getDecoder().decode(stored.substring(VERSION.length()));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key(), new GCMParameterSpec(TAG_BITS, all, 0, NONCE_BYTES));
            byte[] json = cipher.doFinal(all, NONCE_BYTES, all.length - NONCE_BYTES);
            return JSON.readValue(new String(json, StandardCharsets.UTF_8), new TypeReference<Map<String, String>>() {
            });
        } catch (GeneralSecurityException | java.io.IOException | IllegalArgumentException e) {
            throw new IllegalStateException("the integration's secrets cannot be decrypted with the configured key (was it changed?)", e);
        }
    }

    /** Whether a key is configured: without one, integrations can be neither created nor used. */
    public boolean configured() {
        return config.secretKey().filter(k -> !k.isBlank()).isPresent();
    }

    private SecretKeySpec key() {
        String encoded = config.secretKey().filter(k -> !k.isBlank()).orElseThrow(() -> new ConflictException("integrations_not_configured",
                "no integrations key is configured (CAMPAIGNFN_INTEGRATIONS_SECRET_KEY): secrets cannot be stored", Map.of()));
        byte[] key;
        try {
            key = Base64.getDecoder().decode(encoded.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("CAMPAIGNFN_INTEGRATIONS_SECRET_KEY is not base64", e);
        }
        if (key.length != 32) {
            throw new IllegalStateException("CAMPAIGNFN_INTEGRATIONS_SECRET_KEY must be 32 bytes (base64 of 32 random bytes), not " + key.length);
        }
        return new SecretKeySpec(key, "AES");
    }
}
