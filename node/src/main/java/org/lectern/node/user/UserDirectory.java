package org.lectern.node.user;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Collection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The user feature's door for the rest of the node: looks users up, creates them, and checks their passwords. */
@Service
public class UserDirectory implements UserDetailsService {

    /** Keeps IN lists well below every database's parameter limit. */
    private static final int LOOKUP_CHUNK = 1000;

    private static final SecureRandom RANDOM = new SecureRandom();

    private final UserAccountRepository accounts;
    private final PasswordEncoder passwordEncoder;
    private final Clock clock;

    UserDirectory(UserAccountRepository accounts, PasswordEncoder passwordEncoder, Clock clock) {
        this.accounts = accounts;
        this.passwordEncoder = passwordEncoder;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String login) {
        UserAccount account = accounts.findByLogin(login)
                .orElseThrow(() -> new UsernameNotFoundException("No user " + login));
        return User.withUsername(account.getLogin())
                .password(account.getPasswordHash())
                .roles(account.isAdmin() ? List.of("USER", "ADMIN").toArray(String[]::new) : new String[] {"USER"})
                .build();
    }

    @Transactional(readOnly = true)
    public UserSummary summaryOf(String login) {
        return accounts.findByLogin(login).map(UserSummary::of)
                .orElseThrow(() -> new NoSuchElementException("No user " + login));
    }

    @Transactional(readOnly = true)
    public Optional<UserSummary> find(String login) {
        return accounts.findByLogin(login).map(UserSummary::of);
    }

    /** By id, for features that keep only user ids (a participation's student) and must reach the person. */
    @Transactional(readOnly = true)
    public Optional<UserSummary> find(long id) {
        return accounts.findById(id).map(UserSummary::of);
    }

    @Transactional
    public UserSummary create(String login, String name, String rawPassword, boolean admin) {
        UserAccount account = new UserAccount(login, name, passwordEncoder.encode(rawPassword), admin, clock.instant());
        return UserSummary.of(accounts.save(account));
    }

    /** The users with these logins, looked up in as few queries as possible; unknown logins are simply absent. */
    @Transactional(readOnly = true)
    public Map<String, UserSummary> findAll(Collection<String> logins) {
        Map<String, UserSummary> found = new HashMap<>();
        for (List<String> chunk : chunks(List.copyOf(logins))) {
            accounts.findByLoginIn(chunk).forEach(account -> found.put(account.getLogin(), UserSummary.of(account)));
        }
        return found;
    }

    /** The users with these ids, looked up in as few queries as possible; unknown ids are simply absent. */
    @Transactional(readOnly = true)
    public Map<Long, UserSummary> summariesOf(Collection<Long> ids) {
        Map<Long, UserSummary> found = new HashMap<>();
        for (List<Long> chunk : chunks(List.copyOf(ids))) {
            accounts.findAllById(chunk).forEach(account -> found.put(account.getId(), UserSummary.of(account)));
        }
        return found;
    }

    /**
     * Creates many users in one transaction (a CSV import of a whole exam). Password hashing is deliberately slow,
     * so each distinct password is hashed once, in parallel; users without a password share the hash of a random
     * secret that is thrown away at once, so nobody can log in as them until they get a password of their own.
     */
    @Transactional
    public List<UserSummary> createAll(List<NewUser> newUsers) {
        if (newUsers.isEmpty()) {
            return List.of();
        }
        Map<String, String> hashes = newUsers.stream()
                .map(NewUser::rawPassword)
                .filter(Objects::nonNull)
                .distinct()
                .parallel()
                .collect(Collectors.toConcurrentMap(Function.identity(), passwordEncoder::encode));
        String unusable = passwordEncoder.encode(randomSecret());
        Instant now = clock.instant();
        List<UserAccount> created = new ArrayList<>();
        for (NewUser user : newUsers) {
            String hash = user.rawPassword() == null ? unusable : hashes.get(user.rawPassword());
            created.add(new UserAccount(user.login(), user.name(), hash, false, now));
        }
        return accounts.saveAll(created).stream().map(UserSummary::of).toList();
    }

    @Transactional(readOnly = true)
    public boolean isEmpty() {
        return accounts.count() == 0;
    }

    private static String randomSecret() {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        return Base64.getEncoder().encodeToString(secret);
    }

    private static <T> List<List<T>> chunks(List<T> all) {
        List<List<T>> chunks = new ArrayList<>();
        for (int from = 0; from < all.size(); from += LOOKUP_CHUNK) {
            chunks.add(all.subList(from, Math.min(all.size(), from + LOOKUP_CHUNK)));
        }
        return chunks;
    }
}
