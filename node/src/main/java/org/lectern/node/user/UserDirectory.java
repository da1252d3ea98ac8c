package org.lectern.node.user;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
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

    /** The users with these ids that exist, in one query (for lists of many users, e.g. an exam's 1,500). */
    @Transactional(readOnly = true)
    public List<UserSummary> summariesOf(Collection<Long> ids) {
        return accounts.findAllById(ids).stream().map(UserSummary::of).toList();
    }

    @Transactional
    public UserSummary create(String login, String name, String rawPassword, boolean admin) {
        UserAccount account = new UserAccount(login, name, passwordEncoder.encode(rawPassword), admin, clock.instant());
        return UserSummary.of(accounts.save(account));
    }

    @Transactional(readOnly = true)
    public boolean isEmpty() {
        return accounts.count() == 0;
    }
}
