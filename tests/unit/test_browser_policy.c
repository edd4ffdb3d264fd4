/* The call browser's policy from call.allowed_hosts: each kind of entry
 * becomes the right URL filter and capture pattern, everything else is
 * blocked, capture is off for other origins, pop-ups are refused. */
#include "browser_policy.h"
#include "check.h"
#include "config.h"

#include <cjson/cJSON.h>
#include <stdlib.h>
#include <string.h>

static char *test_bp_hosts[] = {"meet.example.jp", "*.video.example.jp", "127.0.0.2", "[::2]",
                                "fe80::1"};

static const char *test_bp_item(const cJSON *root, const char *key, int i)
{
    const cJSON *a = cJSON_GetObjectItemCaseSensitive(root, key);
    const cJSON *v = cJSON_GetArrayItem(a, i);
    return cJSON_IsString(v) ? v->valuestring : NULL;
}

static void test_bp_lists(void)
{
    struct config cfg;
    memset(&cfg, 0, sizeof cfg);
    cfg.call.allowed_hosts = test_bp_hosts;
    cfg.call.n_allowed_hosts = 5;
    char *json = NULL;
    CHECK_INT(browser_policy_json(&cfg, &json), 0);
    cJSON *root = cJSON_Parse(json);
    CHECK(root != NULL);
    CHECK(json && json[strlen(json) - 1] == '\n');
    CHECK_INT(cJSON_GetArraySize(cJSON_GetObjectItem(root, "URLBlocklist")), 1);
    CHECK_STR(test_bp_item(root, "URLBlocklist", 0), "*");
    static const char *const url[] = {"https://.meet.example.jp", "https://video.example.jp",
                                      "https://127.0.0.2", "https://[::2]", "https://[fe80::1]"};
    static const char *const cap[] = {"https://meet.example.jp", "https://[*.]video.example.jp",
                                      "https://127.0.0.2", "https://[::2]", "https://[fe80::1]"};
    for (int i = 0; i < 5; i++) {
        CHECK_STR(test_bp_item(root, "URLAllowlist", i), url[i]);
        CHECK_STR(test_bp_item(root, "VideoCaptureAllowedUrls", i), cap[i]);
        CHECK_STR(test_bp_item(root, "AudioCaptureAllowedUrls", i), cap[i]);
    }
    CHECK_INT(cJSON_GetArraySize(cJSON_GetObjectItem(root, "URLAllowlist")), 5);
    CHECK(cJSON_IsFalse(cJSON_GetObjectItem(root, "VideoCaptureAllowed")));
    CHECK(cJSON_IsFalse(cJSON_GetObjectItem(root, "AudioCaptureAllowed")));
    CHECK_INT(cJSON_GetObjectItem(root, "DefaultPopupsSetting")->valueint, 2);
    cJSON_Delete(root);
    free(json);
}

/* No host at all: everything blocked, no origin gets the camera. */
static void test_bp_empty_and_bad(void)
{
    struct config cfg;
    memset(&cfg, 0, sizeof cfg);
    char *json = NULL;
    CHECK_INT(browser_policy_json(&cfg, &json), 0);
    cJSON *root = cJSON_Parse(json);
    CHECK_INT(cJSON_GetArraySize(cJSON_GetObjectItem(root, "URLAllowlist")), 0);
    CHECK_INT(cJSON_GetArraySize(cJSON_GetObjectItem(root, "VideoCaptureAllowedUrls")), 0);
    cJSON_Delete(root);
    free(json);
    static char *bad[] = {"meet.example.jp/path"};
    cfg.call.allowed_hosts = bad;
    cfg.call.n_allowed_hosts = 1;
    CHECK_INT(browser_policy_json(&cfg, &json), -1);
    CHECK(json == NULL);
}

int main(void)
{
    test_bp_lists();
    test_bp_empty_and_bad();
    return CHECK_RESULT();
}
