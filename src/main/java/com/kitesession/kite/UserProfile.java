package com.kitesession.kite;

import java.util.List;

/** The answer to {@code GET /user/profile}. Lists are never null. */
public record UserProfile(String userId, String userName, String userShortname, String email, String userType,
        String broker, String avatarUrl, List<String> exchanges, List<String> products, List<String> orderTypes) {

    public UserProfile {
        exchanges = Models.copy(exchanges);
        products = Models.copy(products);
        orderTypes = Models.copy(orderTypes);
    }
}
