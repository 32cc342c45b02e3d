#!/usr/bin/env python3
"""Writes Data/sample-progress.csv: fictional monthly returns, June 2024 to October 2026.

SAMPLE DATA: every figure is invented for demonstration (renewal --demo) and the tests. The
trajectories are chosen so that, as of 2026-11-29, the plan shows a realistic mix: done, done
late, on track, behind, severely behind, overdue, baseline missing, not reported, stale,
not reported this period (M10-1), and due soon from 1 December 2026 (the 每年 farm-machinery targets).
Deterministic: running it again gives the same file.
"""
import csv, datetime, io, json, pathlib, random

root = pathlib.Path(__file__).resolve().parent.parent
plan = json.loads((root / "Data" / "plan.json").read_text(encoding="utf-8"))
rng = random.Random(20241)

def month_ends(start=(2024, 6), end=(2026, 10)):
    y, m = start
    while (y, m) <= end:
        nxt = datetime.date(y + (m == 12), m % 12 + 1, 1)
        yield nxt - datetime.timedelta(days=1)
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)

MONTHS = list(month_ends())
measures = {m["number"]: m for p in plan["programmes"] for m in p["measures"]}
targets = {t["id"]: t for t in plan["overallTargets"]}
for m in measures.values():
    for t in m["targets"]:
        targets[t["id"]] = t

def lead(item, date=None):
    """The reporting unit: co-lead units take turns month by month."""
    if item.startswith("G"):
        rel = targets[item].get("relatedMeasures") or [28]
        leads = [u for n in rel for u in measures[n]["leadUnits"]]
    else:
        leads = measures[int(item[1:3])]["leadUnits"]
    turn = date.year * 12 + date.month if date else 0
    return leads[turn % len(leads)]

rows = []
def row(item, date, value, progress, problems="", nxt="", baseline_year=""):
    rows.append([item, date.isoformat() if date else "", value, "（示例）" + progress if progress else "",
                 problems, nxt, lead(item, date), baseline_year])

def fmt(v, digits=0):
    return str(int(round(v))) if digits == 0 else f"{v:.{digits}f}"

def series(item, end_value, reach_month, start_value=0.0, digits=0, stop=None, text="{v}"):
    """A running figure growing from start_value to end_value at reach_month, flat after."""
    t = targets[item]
    unit = t.get("reportedUnit") or t["unit"]
    for date in MONTHS:
        if stop and date > stop:
            break
        k = min(1.0, (MONTHS.index(date) + 1) / (MONTHS.index(reach_month) + 1))
        v = start_value + (end_value - start_value) * k
        shown = fmt(v, digits)
        short = v < (t["value"] if t.get("baselineYear") is None else end_value) - 1e-9
        problems = rng.choice(["", "", "", "项目储备不足", "资金到位偏慢", "企业积极性有待提高"]) if short else ""
        nxt = rng.choice(["", "加强调度", "逐企业跟踪服务", "加快项目推进"]) if short else "巩固成果"
        row(item, date, shown, text.format(v=shown, u=unit), problems, nxt)

def yearly(item, totals, digits=0, text="{y}年1-{m}月累计{v}{u}"):
    """Year-to-date figures: totals maps year -> (full-year figure, last month reported)."""
    t = targets[item]
    unit = t.get("reportedUnit") or t["unit"]
    for date in MONTHS:
        if date.year not in totals:
            continue
        total, last = totals[date.year]
        if date.month > last:
            continue
        v = total * date.month / 12 * rng.uniform(0.97, 1.03) if date.month < 12 else total
        row(item, date, fmt(v, digits), text.format(y=date.year, m=date.month, v=fmt(v, digits), u=unit),
            rng.choice(["", "", "季节性因素影响"]), rng.choice(["", "加大宣传推广", "落实补贴政策"]))

def milestone(item, done_on=None, stop=None, text="按计划推进"):
    for date in MONTHS:
        if stop and date > stop:
            break
        if done_on and date >= done_on:
            row(item, date, "完成", "已完成")
            break
        row(item, date, "推进中", text, rng.choice(["", "", "协调难度较大"]), "按时间节点推进")

def d(y, m):
    return [x for x in MONTHS if (x.year, x.month) == (y, m)][0]

# Overall targets (section 一)
series("G25-1", 35.8, d(2025, 12), start_value=28.0, digits=1, text="能效标杆水平产能比例{v}%")
series("G25-2", 9400, d(2025, 12), start_value=6100, text="新能源汽车保有量{v}辆", stop=d(2026, 10))
milestone("G25-3", done_on=d(2025, 12), text="国三及以下非营运柴油货车淘汰推进中")
yearly("G25-4", {2024: (5200, 12), 2025: (6150, 12), 2026: (6500, 10)})
series("G25-5", 0.74, d(2025, 12), start_value=0.61, digits=2, text="二手车交易量与新车销售比值{v}:1")
yearly("G27-1", {2024: (31.0, 12), 2025: (35.5, 12), 2026: (41.0, 10)}, digits=1, text="{y}年1-{m}月设备投资{v}亿元")
series("G27-2", 58, d(2026, 10), start_value=12, text="低于能效基准水平产能已完成改造{v}%")
milestone("G27-3", text="推动企业创建环保绩效A级")
row("G27-4", None, "86", "2023年基数", baseline_year="2023")
series("G27-4", 93.0, d(2026, 10), start_value=86.5, digits=1, text="数字化研发设计工具普及率{v}%")
row("G27-5", None, "62", "2023年基数", baseline_year="2023")
series("G27-5", 66.0, d(2026, 10), start_value=62.2, digits=1, text="关键工序数控化率{v}%")
row("G27-6", None, "3100", "2023年基数", baseline_year="2023")
yearly("G27-6", {2024: (3500, 12), 2025: (4300, 12), 2026: (5300, 10)})
row("G27-7", None, "8200", "2023年基数", baseline_year="2023")
yearly("G27-7", {2024: (8600, 12), 2025: (9400, 12), 2026: (10900, 10)})
row("G27-8", None, "52000", "2023年基数", baseline_year="2023")
# G27-8: its 2023 figure, then no reports (未报送); G27-1 has reports but no baseline (基数缺失).

# Measures with targets
series("M02-1", 52, d(2025, 11), start_value=18, text="累计培育晨星工厂{v}家")
series("M02-2", 4, d(2025, 9), start_value=1, text="市级以上智能工厂、数字化车间等{v}家")
series("M03-1", 6, d(2025, 9), start_value=2, text="累计建成市级以上绿色工厂{v}家")
for date in MONTHS:  # the park is recognised only in April 2026, after the deadline
    built = date >= d(2026, 4)
    row("M03-2", date, "1" if built else "0", "绿色工业园区通过认定" if built else "绿色工业园区创建推进中",
        "" if built else "园区基础设施短板", "" if built else "加快补齐短板")
yearly("M04-1", {2024: (165, 12), 2025: (158, 12), 2026: (115 * 12 / 10, 10)}, text="{y}年1-{m}月淘汰老旧农机{v}{u}")
yearly("M04-2", {2024: (1080, 12), 2025: (1030, 12), 2026: (1085, 10)}, text="{y}年1-{m}月更新购置农机{v}{u}")
series("M04-3", 94.3, d(2025, 12), start_value=91.2, digits=1, text="综合机械化率{v}%")
milestone("M05-1", done_on=d(2025, 11), text="烘干中心（点）建设推进中")
series("M06-1", 100, d(2025, 10), start_value=82, text="新增和更新公交车新能源占比{v}%")
series("M06-2", 77, d(2025, 12), start_value=55, text="新增及更新出租车新能源占比{v}%", stop=d(2026, 6))
series("M06-3", 45.5, d(2026, 5), start_value=28, digits=1, text="巡游出租车新能源占比{v}%")
series("M09-1", 61, d(2025, 12), start_value=35, text="城市污水处理厂提标改造率{v}%")
# M10-1 misses October's return: its September figure stands, marked 本期未报.
series("M10-1", 80, d(2026, 10), start_value=20, text="急需教学科研设备购置更新{v}%", stop=d(2026, 9))
milestone("M10-2", text="办学条件达标工程推进中")
milestone("M10-3", stop=d(2026, 8), text="职业院校实训设备更新方案推进中")
series("M11-1", 1, d(2025, 8), start_value=0, text="智能化室外健身路径{v}处")
milestone("M13-1", text="电子病历系统应用水平评级准备中")
yearly("M17-1", {2024: (171, 12), 2025: (184, 12), 2026: (196, 10)}, digits=1, text="{y}年1-{m}月装备制造业营业收入{v}亿元")

# Measures without targets: monthly narrative returns; some units stop or never start.
narrative = {
    1: "传统产业改造提升行动方案实施，新增技改项目", 7: "摸排国三及以下柴油货车存量，推进淘汰",
    8: "既有住宅加装电梯、老旧电梯更新推进", 12: "文旅场所设备更新和智慧化升级推进",
    14: "镇卫生院设备配置和村卫生室改造推进", 15: "组织家电、汽车以旧换新促销活动",
    16: "家装样板间进商场、进社区", 18: "新能源汽车产业链配套对接", 19: "组织企业开展关键技术攻关",
    20: "“两网融合”回收网点建设", 21: "废旧家电家具回收处理项目推进", 22: "二手车出口业务拓展",
    23: "再制造项目谋划", 24: "再生资源产业园和分拣中心建设", 25: "参与能耗限额标准制修订",
    26: "组织企业参与消费品标准制定", 27: "二手商品鉴定评估地方标准申报", 28: "工作专班月度调度",
    29: "专项资金拨付和财政贴息", 30: "落实设备加速折旧等税收优惠", 31: "制造业中长期贷款投放",
    33: "重点项目纳入动态项目库", 34: "政策解读和典型宣传",
}
stops = {30: d(2026, 7), 23: d(2026, 5), 27: d(2026, 8)}  # stopped reporting: 未报送 now
for number, text in narrative.items():
    item = f"M{number:02d}"
    for date in MONTHS:
        if number in stops and date > stops[number]:
            break
        row(item, date, "", f"{text}（{date.month}月）", rng.choice(["", "", "", "资金压力较大"]), "继续推进")
# 32 (市自然资源和规划局) never reports.

rows.sort(key=lambda r: (r[1] or "0000", r[0]))
out = io.StringIO()
writer = csv.writer(out, lineterminator="\r\n")
writer.writerow(["指标编号", "日期", "数值", "进展情况", "存在问题", "下步计划", "填报单位", "基数年份"])
writer.writerows(rows)
(root / "Data" / "sample-progress.csv").write_text(out.getvalue(), encoding="utf-8")
print(f"wrote {len(rows)} rows")
