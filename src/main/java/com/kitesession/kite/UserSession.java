package com.kitesession.kite;

import java.time.ZonedDateTime;
import java.util.List;

/**
 * The answer to {@code POST /session/token}. {@code loginTime} is in Asia/Kolkata, null when Kite
 * sent none (or one this app could not read). Lists are never null.
 */
public record UserSession(String userId, String userName, String userShortname, String email, String userType,
        String broker, String apiKey, String accessToken, String publicToken, ZonedDateTime loginTime,
        String avatarUrl, List<String> exchanges, List<String> products, List<String> orderTypes) {

    public UserSession {
        exchanges = Models.copy(exchanges);
        products = Models.copy(products);
        orderTypes = Models.copy(orderTypes);
    }

    /** Hides the access and public tokens so a session can be logged safely. */
    @Override
    public String toString() {
        return "UserSession[userId=" + userId + ", userName=" + userName + ", userShortname=" + userShortname
                + ", email=" + email + ", userType=" + userType + ", broker=" + broker + ", apiKey=" + apiKey
                + ", accessToken=****, publicToken=****, loginTime=" + loginTime + ", avatarUrl=" + avatarUrl
                + ", exchanges=" + exchanges + ", products=" + products + ", orderTypes=" + orderTypes + "]";
    }
}
