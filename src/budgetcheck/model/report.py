"""The typed model of one 部门决算公开说明: one class per part of the national template."""

from __future__ import annotations

from typing import Any, TypeVar

from .measures import Measure, MeasureKind

from .types import (
    Amount,
    AmountCell,
    Base,
    Count,
    Field,
    MeasureCell,
    Percent,
    PercentCell,
    Score,
    ScoreCell,
)

M = TypeVar("M", bound=Base)
NOT_PRINTED = Measure(MeasureKind.PLACEHOLDER, "")
"""An indicator target or actual cell that the table leaves empty."""


class Change(Base):
    """Change against last year: signed amount (增加 +, 减少 −), growth rate and reason."""

    amount: Amount | None = None
    rate: Percent | None = None
    reason: str | None = None


class BudgetComparison(Base):
    """Budget against final figure: 预决算差异率 and/or "完成预算 P%"."""

    budget: Amount | None = None
    final: Amount | None = None
    variance_rate: Percent | None = None
    completion_rate: Percent | None = None
    reason: str | None = None


class Item(Base):
    """One labelled part of a total, with its share and change where printed."""

    label: str | None = None
    amount: Amount | None = None
    share: Percent | None = None
    change: Change | None = None
    budget: BudgetComparison | None = None
    parts: list[Item] = Field(default_factory=list)


class Breakdown(Base):
    """A total split into labelled parts (income by source, expenditure by kind)."""

    total: Amount | None = None
    items: list[Item] = Field(default_factory=list)


class HeadcountGroup(Base):
    """Headcount of one kind (在职/离休/退休) and its change."""

    label: str | None = None
    count: Count | None = None
    change: Count | None = None


class Unit(Base):
    """单位概况: the unit, its year and headcount (a partial document may give neither)."""

    name: str | None = None
    year: int | None = None
    headcount_total: Count | None = None
    headcount: list[HeadcountGroup] = Field(default_factory=list)
    subordinate_units: Count | None = None
    division_count: Count | None = None
    divisions: list[str] = Field(default_factory=list)


class IncomeExpenditure(Base):
    """收入支出决算总体情况: 收入总计 and 支出总计 with their parts and the change."""

    income_total: Amount | None = None
    current_income: Amount | None = None
    non_fiscal_balance_used: Amount | None = None
    opening_balance: Amount | None = None
    expenditure_total: Amount | None = None
    current_expenditure: Amount | None = None
    balance_distribution: Amount | None = None
    closing_balance: Amount | None = None
    change: Change | None = None


class FiscalAppropriation(Base):
    """财政拨款收入支出决算总体情况."""

    income_total: Amount | None = None
    opening_balance: Amount | None = None
    current_income: Amount | None = None
    expenditure_total: Amount | None = None
    closing_balance: Amount | None = None
    current_expenditure: Amount | None = None
    change: Change | None = None
    budget_comparison: BudgetComparison | None = None


class DetailLine(Base):
    """One 类/款/项 line of general-public-budget expenditure."""

    class_label: str | None = None
    section_label: str | None = None
    item_label: str | None = None
    amount: Amount | None = None
    change: Change | None = None


class GeneralBudget(Base):
    """一般公共预算财政拨款支出: total, structure by 类, and 类/款/项 detail lines."""

    total: Amount | None = None
    share_of_expenditure: Percent | None = None
    change: Change | None = None
    budget_comparison: BudgetComparison | None = None
    classes: list[Item] = Field(default_factory=list)
    lines: list[DetailLine] = Field(default_factory=list)


class BasicExpenditure(Base):
    """一般公共预算财政拨款基本支出 = 人员经费 + 公用经费."""

    total: Amount | None = None
    personnel: Amount | None = None
    public: Amount | None = None
    personnel_items: list[str] = Field(default_factory=list)
    public_items: list[str] = Field(default_factory=list)


class FundSection(Base):
    """政府性基金 / 国有资本经营 appropriations: often an empty table."""

    empty: bool = False
    total: Amount | None = None
    note: str | None = None


class ThreePublicCounts(Base):
    """Counts printed with the "三公" costs."""

    abroad_groups: Count | None = None
    abroad_trips: Count | None = None
    vehicles_purchased: Count | None = None
    vehicles_held: Count | None = None
    fixed_asset_vehicles: Count | None = None
    reception_batches: Count | None = None
    reception_visits: Count | None = None


class ThreePublic(Base):
    """财政拨款"三公"经费: total, its three items (with sub-items), budget and counts."""

    amount: Amount | None = None
    change: Change | None = None
    budget: BudgetComparison | None = None
    items: list[Item] = Field(default_factory=list)
    counts: ThreePublicCounts | None = None


class OperatingCosts(Base):
    """机关运行经费 or 公用经费 with its change."""

    label: str | None = None
    amount: Amount | None = None
    change: Change | None = None


class Portion(Base):
    """An amount with its printed share of a total."""

    amount: Amount | None = None
    share: Percent | None = None


class Procurement(Base):
    """政府采购: total = 货物 + 工程 + 服务; amounts granted to SMEs and micro firms."""

    total: Amount | None = None
    goods: Amount | None = None
    works: Amount | None = None
    services: Amount | None = None
    sme: Portion | None = None
    micro: Portion | None = None


class VehicleCategory(Base):
    """Vehicles of one category."""

    label: str | None = None
    count: Count | None = None


class Assets(Base):
    """国有资产占用情况."""

    as_of: str | None = None
    building_area: Amount | None = None
    building_value: Amount | None = None
    vehicle_count: Count | None = None
    vehicle_value: Amount | None = None
    vehicles: list[VehicleCategory] = Field(default_factory=list)
    other_vehicle_use: str | None = None
    equipment_over_million: Count | None = None


def _blank(cls: type[M], data: dict[str, Any]) -> M:
    """A record of a part a table did not print (validated from ``data``)."""
    return cls.model_validate(data)


class FundsRow(Base):
    """One row of a performance table's funds block."""

    label: str
    initial_budget: AmountCell | None = None
    annual_budget: AmountCell | None = None
    executed: AmountCell | None = None
    weight: ScoreCell | None = None
    execution_rate: PercentCell | None = None
    score: ScoreCell | None = None


class Funds(Base):
    """A funds block: the total row (with 分值, 执行率, 得分) and its source rows.

    A table that prints no total row (or no funds block) has an empty one: label "" and no
    cells, so every check of the block finds nothing to check.
    """

    total: FundsRow = Field(default_factory=lambda: _blank(FundsRow, {"label": ""}))
    parts: list[FundsRow] = Field(default_factory=list)


class Goals(Base):
    """年度总体目标: expected and achieved, as text."""

    expected: str | None = None
    actual: str | None = None


class Indicator(Base):
    """One indicator row of a self-evaluation table.

    Real tables lack cells: no 分值 column (weights only in the level-1 headings), empty
    target or actual cells, an empty 得分. Every cell but the name may be absent; an absent
    target or actual is an empty placeholder (``NOT_PRINTED``), never a number.
    """

    level1: str | None = None
    level2: str | None = None
    name: str
    weight: Score | None = None
    target: MeasureCell = Field(default_factory=lambda: NOT_PRINTED)
    target_alternative: MeasureCell | None = None
    """Another reading of the target that an OCR text layer leaves open (a ≥ printed as the
    digit 2: "26次" may be ≥6次); the row is checked under both readings (BC014)."""
    initial_target: MeasureCell | None = None
    """The target set at the start of the year, where an adjusted target (调整指标值) replaced it
    as ``target``."""
    actual: MeasureCell = Field(default_factory=lambda: NOT_PRINTED)
    completion_rate: PercentCell | None = None
    score: ScoreCell | None = None
    basis: str | None = None
    prior_year: str | None = None
    scoring_rule: str | None = None
    evidence: str | None = None
    deviation_reason: str | None = None


class IndicatorGroup(Base):
    """A heading of the indicator block and the weight printed in it: level 1 (产出指标(50分))
    or level 2 (数量指标(10分)); a level-2 heading stands under the nearest level-1 heading
    listed before it. A heading is listed even when the rows under it were not printed (a
    table cut after it), so that its weight still counts."""

    label: str | None = None
    weight: Score | None = None
    level: int = Field(default=1, ge=1, le=2)


class TotalScore(Base):
    """总分 row: total weight, total score and grade where printed."""

    weight: Score | None = None
    score: Score | None = None
    grade: str | None = None


class RepairedFigure(Base):
    """A figure printed with letters that look like digits ("1O"), read once repaired (BC013)."""

    printed: str
    read: str


class EvaluationTable(Base):
    """A 单位整体 or 项目支出 performance self-evaluation table."""

    name: str | None = None
    department: str | None = None
    implementer: str | None = None
    year: int | None = None
    incomplete: bool = False
    """Some cells of the table could not be read (reported as BC003): its sums are not checked."""
    funds: Funds = Field(default_factory=lambda: _blank(Funds, {}))
    goals: Goals | None = None
    groups: list[IndicatorGroup] = Field(default_factory=list)
    indicators: list[Indicator] = Field(default_factory=list)
    total: TotalScore | None = None
    repaired: list[RepairedFigure] = Field(default_factory=list)
    """Figures read only after an OCR repair of look-alike letters (reported as BC013)."""


class PerformanceSummary(Base):
    """The 预算绩效 paragraph: how many tables, and their budget and execution totals."""

    unit_tables: Count | None = None
    unit_budget: Amount | None = None
    unit_executed: Amount | None = None
    projects: Count | None = None
    project_budget: Amount | None = None
    project_executed: Amount | None = None


class Performance(Base):
    """预算绩效: the summary, the unit-level table and the project tables."""

    summary: PerformanceSummary | None = None
    unit_table: EvaluationTable | None = None
    projects: list[EvaluationTable] = Field(default_factory=list)


class Comparison(Base):
    """A figure compared with a base (上年, 预算, a named year): change, rate or a verbal claim.

    ``current`` is the figure compared, ``base`` the base amount where printed (or read from
    a table of the same document); ``claim`` is a printed "no change" wording (无变化, 持平 …).
    """

    against: str
    current: Amount | None = None
    base: Amount | None = None
    change: Amount | None = None
    rate: Percent | None = None
    completion: Percent | None = None
    claim: str | None = None


class Statement(Base):
    """A labelled figure read by the statement grammar, wherever it stands in the text.

    ``amount`` is the final (决算/actual) figure, ``budget`` the budget printed with it;
    ``share`` is of ``share_base`` (the total named or implied); ``parts`` are the labelled
    parts printed under it (其中 lists, table rows), each measure summing to the total's.
    """

    label: str
    key: str | None = None
    amount: Amount | None = None
    budget: Amount | None = None
    count: Count | None = None
    share: Percent | None = None
    share_base: Amount | None = None
    vs_prior: Comparison | None = None
    vs_budget: Comparison | None = None
    vs_other: Comparison | None = None
    damaged: str | None = None
    parts: list[Statement] = Field(default_factory=list)


class Balance(Base):
    """A printed balance: ``result`` = Σ ``added`` − Σ ``subtracted`` (收支相抵，年终结余)."""

    label: str
    result: Amount
    added: list[Amount] = Field(default_factory=list)
    subtracted: list[Amount] = Field(default_factory=list)


class Explanation(Base):
    """说明: a written explanation for one finding (rule code + data path)."""

    rule: str
    path: str
    reason: str


class Report(Base):
    """One 部门决算公开说明 as a typed model."""

    schema_version: int = Field(default=1, ge=1, le=1)
    profile: str | None = None
    title: str | None = None
    unit: Unit | None = None
    income_expenditure: IncomeExpenditure | None = None
    income: Breakdown | None = None
    expenditure: Breakdown | None = None
    fiscal: FiscalAppropriation | None = None
    general_budget: GeneralBudget | None = None
    basic_expenditure: BasicExpenditure | None = None
    government_fund: FundSection | None = None
    state_capital: FundSection | None = None
    three_public: ThreePublic | None = None
    operating_costs: OperatingCosts | None = None
    procurement: Procurement | None = None
    assets: Assets | None = None
    performance: Performance | None = None
    statements: list[Statement] = Field(default_factory=list)
    balances: list[Balance] = Field(default_factory=list)
    explanations: list[Explanation] = Field(default_factory=list)
