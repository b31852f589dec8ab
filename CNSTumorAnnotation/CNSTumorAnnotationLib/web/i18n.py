"""The browser wizard's words in English and Chinese; each person picks theirs (stored)."""

from __future__ import annotations

TEXT: dict[str, dict[str, str]] = {
    "title": {"en": "CNS tumor annotation", "zh": "中枢神经系统肿瘤标注"},
    "sign_in": {"en": "Sign in", "zh": "登录"},
    "sign_out": {"en": "Sign out", "zh": "退出"},
    "person": {"en": "Person id", "zh": "用户名"},
    "password": {"en": "Password", "zh": "密码"},
    "bad_sign_in": {"en": "Unknown person or wrong password", "zh": "用户名或密码错误"},
    "queue": {"en": "Case queue", "zh": "病例队列"},
    "case": {"en": "Case", "zh": "病例"},
    "state": {"en": "State", "zh": "状态"},
    "assignee": {"en": "Annotator", "zh": "标注者"},
    "version": {"en": "Version", "zh": "版本"},
    "progress": {"en": "Progress", "zh": "进度"},
    "empty_queue": {"en": "No case in your queue", "zh": "队列中没有病例"},
    "open": {"en": "Open", "zh": "打开"},
    "start": {"en": "Start annotating", "zh": "开始标注"},
    "revise": {"en": "Revise", "zh": "修改"},
    "draw": {"en": "Open the drawing wizard", "zh": "打开标注向导"},
    "view": {"en": "View the versions (read-only)", "zh": "查看版本（只读）"},
    "submit": {"en": "Submit for review", "zh": "提交审核"},
    "approve": {"en": "Approve", "zh": "通过"},
    "return": {"en": "Return with comments", "zh": "退回并注明意见"},
    "region": {"en": "Region", "zh": "区域"},
    "slice": {"en": "Slice", "zh": "层面"},
    "comment": {"en": "Comment", "zh": "意见"},
    "comments": {"en": "Review comments", "zh": "审核意见"},
    "findings": {"en": "Self-check findings", "zh": "自检结果"},
    "language": {"en": "中文", "zh": "English"},
    "back": {"en": "Back to the queue", "zh": "返回队列"},
    "refused": {"en": "Refused", "zh": "拒绝"},
    "done": {"en": "Done", "zh": "完成"},
    "save": {"en": "Save a new version", "zh": "保存新版本"},
    "self_check": {"en": "Run the self-check", "zh": "运行自检"},
    "review_sequences": {
        "en": "I reviewed every sequence and slice (R-ANN-1)",
        "zh": "已浏览全部序列及层面 (R-ANN-1)",
    },
    "sequences": {
        "en": "Sequences (window/level presets, R-ANN-6)",
        "zh": "序列（窗宽窗位预设，R-ANN-6）",
    },
    "checklist": {"en": "Checklist", "zh": "核查清单"},
    "go_to": {"en": "Go to slice", "zh": "跳转至层面"},
    "reference": {"en": "reference sequence", "zh": "参考序列"},
    "overlay": {"en": "Overlay of the previous version", "zh": "叠加上一版本"},
    "read_only": {"en": "Read-only review", "zh": "只读审核"},
    "voxels": {"en": "voxels", "zh": "体素"},
}

STATES: dict[str, dict[str, str]] = {
    "imported": {"en": "imported", "zh": "已导入"},
    "deidentified": {"en": "de-identified", "zh": "已脱敏"},
    "qc_passed": {"en": "QC passed", "zh": "质控通过"},
    "excluded": {"en": "excluded", "zh": "已排除"},
    "assigned": {"en": "assigned", "zh": "已分配"},
    "in_progress": {"en": "in progress", "zh": "标注中"},
    "self_checked": {"en": "self-checked", "zh": "已自检"},
    "submitted": {"en": "submitted", "zh": "已提交"},
    "approved": {"en": "approved", "zh": "已通过"},
    "returned": {"en": "returned", "zh": "已退回"},
}

#: share of the way through the lifecycle, for the queue's progress bar
PROGRESS = {
    "imported": 0,
    "deidentified": 10,
    "qc_passed": 20,
    "excluded": 100,
    "assigned": 30,
    "in_progress": 50,
    "self_checked": 70,
    "returned": 50,
    "submitted": 85,
    "approved": 100,
}


def t(key: str, lang: str) -> str:
    """The word for ``key`` in ``lang`` (English when the key has no such language)."""
    entry = TEXT[key]
    return entry.get(lang, entry["en"])


def state_label(state: str, lang: str) -> str:
    return STATES.get(state, {}).get(lang, state)
