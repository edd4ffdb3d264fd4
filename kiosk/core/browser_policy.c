#include "browser_policy.h"

#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* One allowed_hosts entry as a URLAllowlist filter and a capture pattern.
 * Returns 0, or -1 for an entry too long or empty. */
static int browser_policy_host(const char *host, char *url, size_t urlsz, char *cap,
                               size_t capsz)
{
    int wild = strncmp(host, "*.", 2) == 0;
    const char *h = wild ? host + 2 : host;
    if (!h[0] || strchr(h, '*') || strchr(h, '/') || strchr(h, ' '))
        return -1;
    /* A leading '.' in a URL filter means "this host only", not its
     * subdomains; an IP literal takes no dot. */
    int ip = h[0] == '[' || strspn(h, "0123456789.") == strlen(h) || strchr(h, ':');
    int bare6 = h[0] != '[' && strchr(h, ':'); /* "fe80::1": brackets in a URL */
    const char *pre = bare6 ? "[" : wild ? "[*.]" : "", *close = bare6 ? "]" : "";
    int n = snprintf(url, urlsz, "https://%s%s%s%s", wild || ip ? "" : ".", bare6 ? "[" : "",
                     h, close);
    int m = snprintf(cap, capsz, "https://%s%s%s", pre, h, close);
    return n > 0 && (size_t)n < urlsz && m > 0 && (size_t)m < capsz ? 0 : -1;
}

static int browser_policy_lists(const struct config *cfg, cJSON *root)
{
    cJSON *block = cJSON_AddArrayToObject(root, "URLBlocklist");
    cJSON *allow = cJSON_AddArrayToObject(root, "URLAllowlist");
    cJSON *video = cJSON_AddArrayToObject(root, "VideoCaptureAllowedUrls");
    cJSON *audio = cJSON_AddArrayToObject(root, "AudioCaptureAllowedUrls");
    if (!block || !allow || !video || !audio)
        return -1;
    cJSON_AddItemToArray(block, cJSON_CreateString("*"));
    for (int i = 0; i < cfg->call.n_allowed_hosts; i++) {
        char url[300], cap[300];
        if (browser_policy_host(cfg->call.allowed_hosts[i], url, sizeof url, cap, sizeof cap))
            return -1;
        cJSON_AddItemToArray(allow, cJSON_CreateString(url));
        cJSON_AddItemToArray(video, cJSON_CreateString(cap));
        cJSON_AddItemToArray(audio, cJSON_CreateString(cap));
    }
    return cJSON_GetArraySize(allow) == cfg->call.n_allowed_hosts ? 0 : -1;
}

int browser_policy_json(const struct config *cfg, char **out)
{
    *out = NULL;
    cJSON *root = cJSON_CreateObject();
    if (!root)
        return -1;
    int rc = browser_policy_lists(cfg, root);
    /* Everything that could open another way out or ask the visitor. */
    cJSON_AddFalseToObject(root, "VideoCaptureAllowed");
    cJSON_AddFalseToObject(root, "AudioCaptureAllowed");
    cJSON_AddNumberToObject(root, "DefaultPopupsSetting", 2);
    cJSON_AddNumberToObject(root, "DefaultNotificationsSetting", 2);
    cJSON_AddNumberToObject(root, "DefaultGeolocationSetting", 2);
    cJSON_AddNumberToObject(root, "DeveloperToolsAvailability", 2);
    cJSON_AddNumberToObject(root, "DownloadRestrictions", 3);
    cJSON_AddNumberToObject(root, "BrowserSignin", 0);
    cJSON_AddFalseToObject(root, "TranslateEnabled");
    cJSON_AddFalseToObject(root, "PasswordManagerEnabled");
    char *text = rc == 0 ? cJSON_Print(root) : NULL;
    cJSON_Delete(root);
    if (!text)
        return -1;
    size_t n = strlen(text);
    *out = malloc(n + 2);
    if (*out) {
        memcpy(*out, text, n);
        (*out)[n] = '\n';
        (*out)[n + 1] = '\0';
    }
    cJSON_free(text);
    return *out ? 0 : -1;
}
