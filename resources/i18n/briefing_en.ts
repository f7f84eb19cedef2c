<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>Agenda</name>
    <message>
        <location filename="../../briefing/ui/presenting/agenda.py" line="+52"/>
        <source>不是一个对象</source>
        <translation>not an object</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>name 或 notes 不是文字</source>
        <translation>name or notes is not text</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>文件太大,不是议程文件</source>
        <translation>too large to be an agenda file</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>找不到文件</source>
        <translation>file not found</translation>
    </message>
    <message>
        <location line="-15"/>
        <source>name 或 notes 太长</source>
        <translation>name or notes is too long</translation>
    </message>
    <message>
        <location line="+18"/>
        <location line="+7"/>
        <source>是文件夹,不是议程文件</source>
        <translation>a folder, not an agenda file</translation>
    </message>
    <message>
        <location line="-4"/>
        <location line="+71"/>
        <source>不是普通文件(是管道或设备),不是议程文件</source>
        <translation>not a regular file (a pipe or a device), not an agenda file</translation>
    </message>
    <message>
        <location line="-65"/>
        <source>不是议程文件(不是 UTF-8 文本)</source>
        <translation>not an agenda file (not UTF-8 text)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>无法读取({0})</source>
        <translation>cannot be read ({0})</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>不是议程文件(第 {0} 行不是有效的 JSON)</source>
        <translation>not an agenda file (line {0} is not valid JSON)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>不是议程文件(嵌套超过 {0} 层)</source>
        <translation>not an agenda file (nested more than {0} levels deep)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>不是议程文件(含有超出范围的数字)</source>
        <translation>not an agenda file (holds a number out of range)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>不是议程文件(缺少 version 或 stops)</source>
        <translation>not an agenda file (no version or stops)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>不是议程文件(version 不是正整数)</source>
        <translation>not an agenda file (version is not a positive whole number)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>由更新版本的查看器制作(议程版本 {0},本程序读取版本 {1})</source>
        <translation>made by a newer viewer (agenda version {0}; this viewer reads version {1})</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>有 {0} 站,超过议程的上限 {1} 站</source>
        <translation>has {0} stops, more than an agenda&apos;s limit of {1}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>第 {0} 站:{1}</source>
        <translation>stop {0}: {1}</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>无法保存({0})</source>
        <translation>cannot be saved ({0})</translation>
    </message>
    <message>
        <location line="+146"/>
        <source>(未命名)</source>
        <translation>(untitled)</translation>
    </message>
</context>
<context>
    <name>AgendaPanel</name>
    <message>
        <location filename="../../briefing/ui/presenting/agenda_panel.py" line="+91"/>
        <source>议程</source>
        <translation>Agenda</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>添加当前视图</source>
        <translation>Add current view</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>用当前视图更新</source>
        <translation>Update from current view</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>上移</source>
        <translation>Move up</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>下移</source>
        <translation>Move down</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>重命名</source>
        <translation>Rename</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>前往</source>
        <translation>Go to</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>打开…</source>
        <translation>Open…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>另存为…</source>
        <translation>Save as…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>本站备注(只在演讲者视图中显示)</source>
        <translation>Notes for this stop (shown only in the presenter view)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>要讲的要点…</source>
        <translation>Points to make…</translation>
    </message>
    <message>
        <location line="+72"/>
        <source>未保存的议程</source>
        <translation>Unsaved agenda</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <location filename="../../briefing/app.py" line="+26"/>
        <source>意外错误</source>
        <translation>Unexpected error</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>发生了意外错误,当前操作未完成:</source>
        <translation>An unexpected error occurred; the operation was not completed:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>详情已记入日志:</source>
        <translation>Details are in the log:</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>无法读取简报</source>
        <translation>Cannot read the briefing</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>无法打开简报</source>
        <translation>Cannot open the briefing</translation>
    </message>
</context>
<context>
    <name>Chart</name>
    <message>
        <location filename="../../briefing/ui/indicators/charts.py" line="+303"/>
        <source>{period}
{kind}:{value}</source>
        <translation>{period}
{kind}: {value}</translation>
    </message>
</context>
<context>
    <name>Charts</name>
    <message>
        <location filename="../../briefing/drawing/chart_words.py" line="+16"/>
        <source>{name}:历年</source>
        <extracomment>File patterns under resources/briefings/ whose text the font must render.</extracomment>
        <translation>{name}: by year</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>单位:{unit}    全年数据</source>
        <translation>Unit: {unit}    Full-year figures</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{year}年</source>
        <translation>{year}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>目标 </source>
        <translation>Target </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name}:各地对比</source>
        <translation>{name}: comparison</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> {value}({year}年)</source>
        <translation> {value} ({year})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>单位:{unit}    各地最近一个全年的数据,年份见括号;★ = 当前选中</source>
        <translation>Unit: {unit}    Latest full year for each, year in brackets; ★ = selected</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>共 {total} 处报告此项;图中列出其中 {shown} 处:数值最大者与当前选中者</source>
        <translation>Reported for {total} subjects; showing {shown}: the largest values and the selected one</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>单位:{unit}    各地最近一个全年的数据;★ = 本节主体</source>
        <translation>Unit: {unit}    each subject&apos;s latest full year; ★ = this section&apos;s subject</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>实心 = 实际值    浅色点线框 = 推算值    空心虚线框 = 目标    斜线 = 下限(超/至少)</source>
        <translation>Solid = actual value    pale dotted = derived    hollow dashed = target    hatched = lower bound (over / at least)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>单位:{unit}    均为{year}年全年数据</source>
        <translation>Unit: {unit}    all full-year {year}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>单位:{unit}    注意:各地数据年份不同,年份见括号</source>
        <translation>Unit: {unit}    note: the years differ; each bar&apos;s year is in brackets</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>当前选中</source>
        <translation>selected</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>本节主体</source>
        <translation>this section&apos;s subject</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name}({year}年)</source>
        <translation>{name} ({year})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>无数据</source>
        <translation>no figure</translation>
    </message>
</context>
<context>
    <name>ChartsPanel</name>
    <message>
        <location filename="../../briefing/ui/indicators/charts_panel.py" line="+76"/>
        <source>没有可作图的数据

该主体没有两个以上年份的全年数据,
也没有可与其他口岸对比的全年数据。</source>
        <translation>Nothing to chart

There are no full-year figures for two or more years,
and no full-year figures to compare with other ports.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>显示更多图表</source>
        <translation>Show more charts</translation>
    </message>
</context>
<context>
    <name>CoverageModel</name>
    <message>
        <location filename="../../briefing/ui/indicators/coverage.py" line="+40"/>
        <source>开放口岸数</source>
        <translation>Open ports</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>新三样出口额</source>
        <translation>New-three exports</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>新三样增速</source>
        <translation>New-three growth</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>新三样占比</source>
        <translation>New-three share</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>保税仓储价值</source>
        <translation>Bonded storage</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>出口退税</source>
        <translation>Tax rebates</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>二手车基地</source>
        <translation>Used-car bases</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>二手车出口</source>
        <translation>Used-car exports</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>二手车增速</source>
        <translation>Used-car growth</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>加工产业数</source>
        <translation>Processing industries</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>互市贸易额</source>
        <translation>Border trade</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>落地加工额</source>
        <translation>Processing trade</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>加工占比</source>
        <translation>Processing share</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>加工企业数</source>
        <translation>Processing firms</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>边民互助组</source>
        <translation>Mutual-aid groups</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>边民合作社</source>
        <translation>Cooperatives</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>备案边民</source>
        <translation>Registered residents</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>货运量</source>
        <translation>Freight</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>铁路货运量</source>
        <translation>Rail freight</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>公路货运量</source>
        <translation>Road freight</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>中欧班列</source>
        <translation>China–Europe trains</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>班列累计</source>
        <translation>Trains, cumulative</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>班列线路</source>
        <translation>Train routes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>通达国家</source>
        <translation>Countries reached</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>通达地区</source>
        <translation>Regions reached</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>货源省份</source>
        <translation>Cargo provinces</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>班列标箱</source>
        <translation>Train TEU</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>班列货运量</source>
        <translation>Train freight</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>重大项目</source>
        <translation>Major projects</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>项目开工率</source>
        <translation>Project start rate</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>项目竣工数</source>
        <translation>Projects completed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>外贸总值</source>
        <translation>Foreign trade</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>外贸增速</source>
        <translation>Trade growth</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>高于全国</source>
        <translation>Above national</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>贸易国家</source>
        <translation>Trading countries</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>增长伙伴</source>
        <translation>Growing partners</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>建议项目</source>
        <translation>Proposed projects</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>出入境人员</source>
        <translation>Person crossings</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>出入境车辆</source>
        <translation>Vehicle crossings</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>国际航班</source>
        <translation>Intl flights</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>国际旅客</source>
        <translation>Intl passengers</translation>
    </message>
    <message>
        <location line="+175"/>
        <source>未报告</source>
        <translation>Not reported</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{subject} · {indicator}:{n} 条数据</source>
        <translation>{subject} · {indicator}: figures: {n}</translation>
    </message>
</context>
<context>
    <name>DiffDialog</name>
    <message>
        <location filename="../../briefing/ui/shell/diff_dialog.py" line="+18"/>
        <source>对比简报</source>
        <translation>Compare briefings</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>口岸</source>
        <translation>Ports</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>数据</source>
        <translation>Figures</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>建议</source>
        <translation>Proposals</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>新增</source>
        <translation>Added</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>修改</source>
        <translation>Changed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>数值</source>
        <translation>Value</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>类型</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>时期</source>
        <translation>Period</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>时期(原文)</source>
        <translation>Period (as written)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>原文写法</source>
        <translation>As written</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>原文段落</source>
        <translation>Source passage</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>中文名</source>
        <translation>Chinese name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>英文名</source>
        <translation>English name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>标题</source>
        <translation>Title</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>全文</source>
        <translation>Full text</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>涉及口岸</source>
        <translation>Ports concerned</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>原:{0}({1},截至 {2})</source>
        <translation>Old: {0} ({1}, as of {2})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>新:{0}({1},截至 {2})</source>
        <translation>New: {0} ({1}, as of {2})</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>口岸、数据和建议都没有变化。</source>
        <translation>No change to ports, figures or proposals.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>变化</source>
        <translation>Change</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>编号</source>
        <translation>ID</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>内容</source>
        <translation>Content</translation>
    </message>
</context>
<context>
    <name>ExportActions</name>
    <message>
        <location filename="../../briefing/ui/shell/export_dialogs.py" line="+191"/>
        <source>导出讲义(PDF)…</source>
        <translation>Export handout (PDF)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>导出幻灯片(PDF)…</source>
        <translation>Export Slides (PDF)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>导出数据(CSV)…</source>
        <translation>Export data (CSV)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>导出图表图片(PNG)…</source>
        <translation>Export chart image (PNG)…</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>导出此图表为图片…</source>
        <translation>Export this chart as an image…</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>无法导出</source>
        <translation>Cannot export</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>文件:</source>
        <translation>File: </translation>
    </message>
    <message>
        <location line="+0"/>
        <source>问题:</source>
        <translation>Problem: </translation>
    </message>
    <message>
        <location line="+7"/>
        <source>导出讲义(PDF)</source>
        <translation>Export handout (PDF)</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+104"/>
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <location line="-101"/>
        <source>讲义语言:</source>
        <translation>Handout language: </translation>
    </message>
    <message>
        <location line="+25"/>
        <source>全部(约 {n} 页)</source>
        <translation>Everything (about {n} pages)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>当前主体:{name}(约 {n} 页)</source>
        <translation>Current selection: {name} (about {n} pages)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>全部讲义约 {n} 页({figures} 条数据、{proposals} 条建议),生成需要很长时间;建议只导出所选口岸。</source>
        <translation>The whole handout would be about {n} pages ({figures} figures, {proposals} proposals) and take a long time to write; export the selected port instead.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>正在生成讲义…</source>
        <translation>Creating the handout…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>导出讲义</source>
        <translation>Export handout</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>讲义已导出</source>
        <translation>Handout exported</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+80"/>
        <source>已写入 {path}(共 {n} 页)</source>
        <translation>Saved {path} ({n} pages)</translation>
    </message>
    <message>
        <location line="-76"/>
        <source>已取消,未写入任何文件</source>
        <translation>Cancelled; no file was written</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>正在排版:已排 {done} 页</source>
        <translation>Laying out: {done} pages so far</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>正在生成讲义:第 {done} / {total} 页</source>
        <translation>Creating the handout: page {done} of {total}</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>导出幻灯片(PDF)</source>
        <translation>Export Slides (PDF)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>幻灯片语言:</source>
        <translation>Slide language:</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>由简报生成的默认议程</source>
        <translation>The default agenda made from the briefing</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>当前议程({n} 站)</source>
        <translation>The open agenda ({n} stops)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>议程:</source>
        <translation>Agenda:</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>幻灯片已导出</source>
        <translation>Slides exported</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>导出数据(CSV)</source>
        <translation>Export data (CSV)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>CSV 文件 (*.csv)</source>
        <translation>CSV files (*.csv)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>全部数据</source>
        <translation>All figures</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>当前主体:{name}</source>
        <translation>Current subject: {name}</translation>
    </message>
    <message>
        <location line="-124"/>
        <location line="+125"/>
        <source>范围:</source>
        <translation>Scope: </translation>
    </message>
    <message>
        <location line="+13"/>
        <source>数据已导出</source>
        <translation>Data exported</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>已写入 {path}({n} 条数据)</source>
        <translation>Saved {path} ({n} figures)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>没有图表</source>
        <translation>No chart</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>当前主体没有图表。请在“指标”页选择有图表的主体。</source>
        <translation>The current subject has no chart. Choose one with a chart on the Indicators tab.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>导出图表图片(PNG)</source>
        <translation>Export chart image (PNG)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>PNG 图片 (*.png)</source>
        <translation>PNG images (*.png)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>图表:</source>
        <translation>Chart: </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>屏幕分辨率(与屏幕所见相同)</source>
        <translation>Screen resolution (as seen on screen)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>自定义</source>
        <translation>Custom</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>尺寸:</source>
        <translation>Size: </translation>
    </message>
    <message>
        <location line="+11"/>
        <source>自定义尺寸(宽 × 高,像素):</source>
        <translation>Custom size (width × height, pixels):</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>图表已导出</source>
        <translation>Chart exported</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>已写入 {path}({w}×{h} 像素)</source>
        <translation>Saved {path} ({w}×{h} pixels)</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location line="-346"/>
        <source>保存到:</source>
        <translation>Save to: </translation>
    </message>
</context>
<context>
    <name>FactCard</name>
    <message>
        <location filename="../../briefing/ui/indicators/fact_cards.py" line="+156"/>
        <source>晚于原文</source>
        <translation>after the article</translation>
    </message>
    <message>
        <location filename="../../briefing/drawing/slides/basics.py" line="+53"/>
        <location filename="../../briefing/ui/indicators/fact_cards.py" line="+4"/>
        <source>原文:{written}</source>
        <translation>As written: {written}</translation>
    </message>
    <message>
        <location filename="../../briefing/ui/indicators/fact_cards.py" line="+6"/>
        <source>单位:{unit}</source>
        <translation>Unit: {unit}</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>原文另有 {n} 处给出同一数字</source>
        <translation>The same figure is given in {n} more passage(s)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>推算:{formula}</source>
        <translation>Derived: {formula}</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>{value}:{name}</source>
        <translation>{value}: {name}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>查看原文</source>
        <translation>Show source text</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>在“原文”页打开这句话所在的段落</source>
        <translation>Open the paragraph with this sentence on the Source text tab</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>高</source>
        <translation>high</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>中</source>
        <translation>medium</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>低</source>
        <translation>low</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>来源:{title}</source>
        <translation>Source: {title}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>可信度:{confidence}</source>
        <translation>Confidence: {confidence}</translation>
    </message>
    <message>
        <location line="+244"/>
        <source>(转载)</source>
        <translation> (repost)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>(镜像页)</source>
        <translation> (mirror copy)</translation>
    </message>
</context>
<context>
    <name>FactCardPanel</name>
    <message>
        <location line="-147"/>
        <source>本简报没有关于该口岸的数据

{name}:文章与参考资料都没有给出数字。</source>
        <translation>This briefing has no figures for this port

{name}: neither the article nor the references give a number.</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>显示更多数据(还有 {n} 条)</source>
        <translation>Show more figures ({n} more)</translation>
    </message>
</context>
<context>
    <name>Formatting</name>
    <message>
        <location filename="../../briefing/drawing/formatting.py" line="+15"/>
        <source>实际值</source>
        <translation>Reported</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>累计</source>
        <translation>Cumulative</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>目标</source>
        <translation>Target</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>下限(超/至少)</source>
        <translation>Lower bound (at least)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>约数</source>
        <translation>Approximate</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>增速</source>
        <translation>Growth rate</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>占比</source>
        <translation>Share</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>推算值</source>
        <translation>Derived</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>铁路</source>
        <translation>Rail</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>公路</source>
        <translation>Road</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>航空</source>
        <translation>Air</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>确切位置</source>
        <translation>Exact site</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>邻近城镇(10公里内)</source>
        <translation>Nearby town (within 10 km)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>大致位置(50公里内)</source>
        <translation>Approximate (within 50 km)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>无可靠坐标</source>
        <translation>No reliable location</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>俄罗斯</source>
        <translation>Russia</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>蒙古国</source>
        <translation>Mongolia</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>全国人大代表</source>
        <translation>NPC deputy</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>全国政协委员</source>
        <translation>CPPCC member</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>官员</source>
        <translation>Official</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>全区</source>
        <translation>Region</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>盟市</source>
        <translation>League/city</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>口岸组合</source>
        <translation>Port group</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>口岸</source>
        <translation>Port</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>超</source>
        <translation>over </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>约</source>
        <translation>about </translation>
    </message>
    <message>
        <location line="+211"/>
        <source>{title}(译文)</source>
        <translation>{title} (translated)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>查阅于 {date}</source>
        <translation>accessed {date}</translation>
    </message>
</context>
<context>
    <name>Handout</name>
    <message>
        <location filename="../../briefing/export/handout_words.py" line="+13"/>
        <source>会议讲义</source>
        <translation>Meeting handout</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>来源</source>
        <translation>Source</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>原文</source>
        <translation>Article</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>补充数据截至</source>
        <translation>Later figures to</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>时期后标 * 者晚于原文发表,为补充数据。</source>
        <translation>A period marked * is later than the article: a figure added to it.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>转载页:</source>
        <translation>Repost: </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>镜像页:</source>
        <translation>Mirror copy: </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>数据库构建</source>
        <translation>Database built</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>讲义生成</source>
        <translation>Handout generated</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>目录</source>
        <translation>Contents</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>本讲义只含:{names}</source>
        <translation>This handout covers only: {names}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>第 {n} 页 / 共 {total} 页</source>
        <translation>Page {n} of {total}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>(续)</source>
        <translation> (continued)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>口岸分布图</source>
        <translation>Port map</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>实心 = 确切位置;空心 = 邻近城镇或大致位置。形状表示口岸类型。</source>
        <translation>Solid = exact site; hollow = nearby town or approximate position. The shape gives the kind of port.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>无可靠坐标、未在图上标出的口岸:</source>
        <translation>Ports without a reliable coordinate, not placed on the map: </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>口岸一览</source>
        <translation>The ports</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>口岸</source>
        <translation>Port</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+14"/>
        <source>类型</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location line="-13"/>
        <source>对方国家 / 口岸</source>
        <translation>Country / port across the border</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>所在盟市</source>
        <translation>League or city</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>图上位置</source>
        <translation>On the map</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>未标注</source>
        <translation>Not drawn</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>各地数据</source>
        <translation>Figures by subject</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>数值照录原文(“超”“约”“以上”等均保留);“推算值”为本简报据原文数据计算,非原文所载。方括号 [n] 为出处编号,见“资料来源”。</source>
        <translation>Values are quoted as the source writes them (超 = more than, 约 = about, 以上 = at least). Derived values are computed in this briefing from the article&apos;s figures and are not stated in it. [n] refers to the list of sources.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>指标</source>
        <translation>Indicator</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>数值(原文)</source>
        <translation>Value / as written</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>时期</source>
        <translation>Period</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>出处</source>
        <translation>Ref.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>推算方法({label}):{formula}</source>
        <translation>How derived ({label}): {formula}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>图表</source>
        <translation>Charts</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>代表委员建议</source>
        <translation>Proposals from deputies, members and officials</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>涉及口岸:</source>
        <translation>Ports concerned: </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>涉及口岸:全区口岸(未特指)</source>
        <translation>Ports concerned: the region&apos;s ports in general</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>资料来源</source>
        <translation>Sources</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>[n] 对应正文中的出处编号。原文段落照录(较长者节选,以“…”标出)。</source>
        <translation>[n] matches the references in the text. Article paragraphs are quoted as written (long ones in part, marked …). Proposals and passages are in Chinese as published.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>原文第 {n} 段</source>
        <translation>Article paragraph {n}</translation>
    </message>
</context>
<context>
    <name>IndicatorsTab</name>
    <message>
        <location filename="../../briefing/ui/indicators/indicators_tab.py" line="+182"/>
        <source>指标卡片</source>
        <translation>Figures</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>覆盖情况</source>
        <translation>Coverage</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>数字 = 本简报中该项的数据条数;— = 未报告(不是零)。单击一行选中该主体,双击打开它的指标卡片。</source>
        <translation>Number = figures in this briefing; — = not reported (not zero). Click a row to select it; double-click to open its figures.</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>{name}({period})</source>
        <translation>{name} ({period})</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>{n} 条数据 · {k} 项指标</source>
        <translation>Figures: {n} · Indicators: {k}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>本简报无数据</source>
        <translation>No figures in this briefing</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../briefing/ui/shell/main_window.py" line="+142"/>
        <source>口岸</source>
        <translation>Ports</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>指标</source>
        <translation>Indicators</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>代表建议</source>
        <translation>Proposals</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>原文</source>
        <translation>Source text</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>文件(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>视图(&amp;V)</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>帮助(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>打开简报…</source>
        <translation>Open briefing…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>全屏</source>
        <translation>Full screen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>放大字体</source>
        <translation>Larger text</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>缩小字体</source>
        <translation>Smaller text</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>默认字体大小</source>
        <translation>Default text size</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+164"/>
        <source>关于</source>
        <translation>About</translation>
    </message>
    <message>
        <location line="-163"/>
        <source>语言 / Language</source>
        <translation>Language / 语言</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>主题</source>
        <translation>Theme</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>浅色</source>
        <translation>Light</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>深色高对比</source>
        <translation>Dark, high contrast</translation>
    </message>
    <message>
        <location line="+16"/>
        <location line="+138"/>
        <source>来源:</source>
        <translation>Source: </translation>
    </message>
    <message>
        <location line="-131"/>
        <source>原文 {0}</source>
        <translation>Article {0}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>补充数据截至 {0}</source>
        <translation>later figures to {0}</translation>
    </message>
    <message>
        <location line="+78"/>
        <source>打开简报</source>
        <translation>Open briefing</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>简报数据库 (*.sqlite *.db);;所有文件 (*)</source>
        <translation>Briefing databases (*.sqlite *.db);;All files (*)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>无法打开简报</source>
        <translation>Cannot open the briefing</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>文件:</source>
        <translation>File: </translation>
    </message>
    <message>
        <location line="+0"/>
        <source>问题:</source>
        <translation>Problem: </translation>
    </message>
    <message>
        <location line="+26"/>
        <source>数据库:</source>
        <translation>Database: </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>构建时间:</source>
        <translation>Built: </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>数据结构版本:</source>
        <translation>Schema version: </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>内容:</source>
        <translation>Contents: </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>(口岸 / 数据 / 建议)</source>
        <translation> (ports / figures / proposals)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>另有 {n} 条公开来源(见“原文”页)</source>
        <translation>and {n} more public sources (see the Source text tab)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>日志:</source>
        <translation>Log: </translation>
    </message>
</context>
<context>
    <name>Periods</name>
    <message>
        <location filename="../../briefing/drawing/periods.py" line="+20"/>
        <source>{year}年第{n}季度</source>
        <translation>Q{n} {year}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{year}年第{half}个半年</source>
        <translation>H{half} {year}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>截至{date}</source>
        <translation>as of {date}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>截至{year}年底</source>
        <translation>as of end-{year}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{year}年以来</source>
        <translation>since {year}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{year}年以来累计,截至{date}</source>
        <translation>since {year}, as of {date}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{year}年目标</source>
        <translation>{year} target</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{start}至{end}年累计</source>
        <translation>{start}–{end} in total</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{period}(推定)</source>
        <translation>{period} (inferred)</translation>
    </message>
</context>
<context>
    <name>PortDetails</name>
    <message>
        <location filename="../../briefing/ui/ports/port_details.py" line="+64"/>
        <source>方式</source>
        <translation>Mode</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>对方口岸</source>
        <translation>Counterpart port</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>盟市</source>
        <translation>League/city</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>旗县</source>
        <translation>County</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+120"/>
        <source>坐标</source>
        <translation>Location</translation>
    </message>
    <message>
        <location line="-118"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>来源</source>
        <translation>Sources</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>无可靠坐标(地图上只标出所在盟市)</source>
        <translation>No reliable location (the map shades its league)</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>在地图或表格中选择一个口岸,即可查看详情。</source>
        <translation>Select a port on the map or in the table to see its details.</translation>
    </message>
    <message>
        <location line="-40"/>
        <source>北纬 {lat:.2f}°,东经 {lon:.2f}°</source>
        <translation>{lat:.2f}° N, {lon:.2f}° E</translation>
    </message>
    <message>
        <location line="-24"/>
        <source>位置说明</source>
        <translation>Position</translation>
    </message>
    <message>
        <location line="+118"/>
        <source>名录</source>
        <translation>Roster</translation>
    </message>
</context>
<context>
    <name>PortMap</name>
    <message>
        <location filename="../../briefing/ui/ports/map_items.py" line="+43"/>
        <source>方式</source>
        <translation>Mode</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>对方口岸</source>
        <translation>Counterpart port</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>坐标</source>
        <translation>Location</translation>
    </message>
    <message>
        <location filename="../../briefing/drawing/map_geometry.py" line="+38"/>
        <source>图例</source>
        <translation>Legend</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>确切位置</source>
        <translation>Exact site</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>邻近城镇或大致位置</source>
        <translation>Nearby town or approximate</translation>
    </message>
    <message>
        <location filename="../../briefing/ui/ports/map_overlays.py" line="+115"/>
        <source>无可靠坐标的口岸:</source>
        <translation>Ports without a reliable location: </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>、</source>
        <translation>,</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>等 {n} 个</source>
        <translation>({n} in all)</translation>
    </message>
</context>
<context>
    <name>PortTableModel</name>
    <message>
        <location filename="../../briefing/ui/ports/port_models.py" line="+106"/>
        <source>中文名</source>
        <translation>Chinese name</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>英文名</source>
        <translation>English name</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>口岸</source>
        <translation>Port</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>方式</source>
        <translation>Mode</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>邻国</source>
        <translation>Neighbour</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>对方口岸</source>
        <translation>Counterpart port</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>盟市</source>
        <translation>League/city</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>坐标</source>
        <translation>Location</translation>
    </message>
</context>
<context>
    <name>PortsTab</name>
    <message>
        <location filename="../../briefing/ui/ports/ports_tab.py" line="+165"/>
        <source>口岸分布图</source>
        <translation>Port map</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>滚轮缩放 · 拖动平移 · 点击选择</source>
        <translation>Wheel to zoom · drag to pan · click to select</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>重置视图</source>
        <translation>Reset view</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>筛选:中文名、英文名或对方口岸</source>
        <translation>Filter: Chinese or English name, or counterpart port</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>方式</source>
        <translation>Mode</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>邻国</source>
        <translation>Neighbour</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+2"/>
        <source>全部</source>
        <translation>All</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>无(航空)</source>
        <translation>None (airports)</translation>
    </message>
    <message>
        <location line="+129"/>
        <source>显示 {shown} / {total} 个口岸</source>
        <translation>Showing {shown} of {total} ports</translation>
    </message>
</context>
<context>
    <name>PresenterTools</name>
    <message>
        <location filename="../../briefing/ui/presenting/presentation.py" line="+86"/>
        <source>议程(&amp;A)</source>
        <translation>&amp;Agenda</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>添加当前视图为一站</source>
        <translation>Add current view as a stop</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>议程面板</source>
        <translation>Agenda panel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>打开议程…</source>
        <translation>Open agenda…</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+186"/>
        <source>保存议程</source>
        <translation>Save agenda</translation>
    </message>
    <message>
        <location line="-185"/>
        <source>议程另存为…</source>
        <translation>Save agenda as…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>放映(全屏幻灯片)</source>
        <translation>Present (full-screen slides)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>演讲者视图</source>
        <translation>Presenter view</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>对比另一份简报…</source>
        <translation>Compare with another briefing…</translation>
    </message>
    <message>
        <location line="+148"/>
        <source>注意:此议程是为另一份(或另一版本的)简报制作的,请逐站检查。</source>
        <translation>Note: this agenda was made for another briefing (or another version of it); check each stop.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>打开议程</source>
        <translation>Open agenda</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+29"/>
        <source>议程</source>
        <translation>Agenda</translation>
    </message>
    <message>
        <location line="-18"/>
        <source>无法打开议程</source>
        <translation>Cannot open the agenda</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+51"/>
        <source>文件:</source>
        <translation>File: </translation>
    </message>
    <message>
        <location line="-51"/>
        <location line="+51"/>
        <source>问题:</source>
        <translation>Problem: </translation>
    </message>
    <message>
        <location line="-24"/>
        <source>无法保存议程</source>
        <translation>Cannot save the agenda</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>选择要对比的简报(较新的一份)</source>
        <translation>Choose the briefing to compare with (the newer one)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>简报数据库 (*.sqlite *.db);;所有文件 (*)</source>
        <translation>Briefing databases (*.sqlite *.db);;All files (*)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>无法打开简报</source>
        <translation>Cannot open the briefing</translation>
    </message>
</context>
<context>
    <name>PresenterWindow</name>
    <message>
        <location filename="../../briefing/ui/presenting/presenter.py" line="+226"/>
        <source>重新计时</source>
        <translation>Restart timer</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>演讲者视图</source>
        <translation>Presenter view</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>当前</source>
        <translation>Now</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+101"/>
        <source>下一张</source>
        <translation>Next slide</translation>
    </message>
    <message>
        <location line="-100"/>
        <source>◀ 上一站</source>
        <translation>◀ Previous</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>下一站 ▶</source>
        <translation>Next ▶</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>交换屏幕</source>
        <translation>Swap screens</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>显示幻灯片</source>
        <translation>Show the slides</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>翻页键、→、空格:下一张 · B 黑屏 · W 白屏 · 数字+回车:跳到该站 · / 观众提问 · Esc 结束放映</source>
        <translation>Page Down, →, Space: next · B black · W white · number + Enter: go to that stop · / question from the room · Esc: end the show</translation>
    </message>
    <message>
        <location line="+80"/>
        <source>第 {0} / {1} 站</source>
        <translation>Stop {0} of {1}</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>没有幻灯片</source>
        <translation>No slides</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>黑屏中(按 B 恢复)</source>
        <translation>Screen black (B to return)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>白屏中(按 W 恢复)</source>
        <translation>Screen white (W to return)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>提问页(Esc 返回第 {0} 站)</source>
        <translation>Question slide (Esc: back to stop {0})</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>跳到第 {0} 站,按回车</source>
        <translation>Go to stop {0}: press Enter</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>(最后一张)</source>
        <translation>(last slide)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>返回议程</source>
        <translation>Back to the agenda</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>这张幻灯片上没有引自原文或其他来源的数据。</source>
        <translation>No figure on this slide cites the article or another source.</translation>
    </message>
    <message>
        <location line="-15"/>
        <source>(本站没有备注)</source>
        <translation>(no notes for this stop)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>这张幻灯片的出处</source>
        <translation>Behind this slide</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>已用 {0}</source>
        <translation>Elapsed {0}</translation>
    </message>
</context>
<context>
    <name>ProposalTableModel</name>
    <message>
        <location filename="../../briefing/ui/proposals/proposal_models.py" line="+96"/>
        <source>标题</source>
        <translation>Title</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>发言人</source>
        <translation>Speaker</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>主题</source>
        <translation>Topics</translation>
    </message>
</context>
<context>
    <name>ProposalsTab</name>
    <message>
        <location filename="../../briefing/ui/proposals/proposals_tab.py" line="+173"/>
        <source>搜索建议:口岸、羊绒、manzhouli…</source>
        <translation>Search proposals: 口岸, 羊绒, manzhouli…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>全部</source>
        <translation>All</translation>
    </message>
    <message>
        <location line="+160"/>
        <source>仅显示与所选口岸相关</source>
        <translation>Only those about the selected port</translation>
    </message>
    <message>
        <location line="-157"/>
        <source>身份:</source>
        <translation>Role: </translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+10"/>
        <source>发言人</source>
        <translation>Speaker</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>主题</source>
        <translation>Topics</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>涉及口岸</source>
        <translation>Ports concerned</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>原文</source>
        <translation>Source text</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>建议</source>
        <translation>Proposals</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>建议全文</source>
        <translation>Full text</translation>
    </message>
    <message>
        <location line="+138"/>
        <source>仅显示与所选口岸相关({0})</source>
        <translation>Only those about {0}</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>无法搜索:本简报的搜索索引已损坏</source>
        <translation>Cannot search: this briefing&apos;s search index is damaged</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>“{0}”:{1} 条建议</source>
        <translation>Proposals matching “{0}”: {1}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>共 {0} 条建议</source>
        <translation>Proposals: {0}</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>没有符合筛选条件的建议。</source>
        <translation>No proposals match the filters.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>没有找到与“{0}”相关的建议。试试其他关键词,或清除筛选条件。</source>
        <translation>No proposals match “{0}”. Try other words, or clear the filters.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>本简报的搜索索引已损坏,无法搜索。清除搜索框即可浏览全部建议。</source>
        <translation>This briefing&apos;s search index is damaged, so it cannot be searched. Clear the search box to browse every proposal.</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>{0} ›</source>
        <translation>{0} ›</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>涉及全区口岸,未指明具体口岸</source>
        <translation>All the region&apos;s ports; none named</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>查看原文(第{0}段)</source>
        <translation>Source text (paragraph {0})</translation>
    </message>
</context>
<context>
    <name>Recovery</name>
    <message>
        <location filename="../../briefing/ui/presenting/recovery.py" line="+137"/>
        <source>恢复的议程</source>
        <translation>Recovered agenda</translation>
    </message>
</context>
<context>
    <name>Slides</name>
    <message>
        <location filename="../../briefing/drawing/slides/basics.py" line="+1"/>
        <source>第 {0} 段</source>
        <translation>paragraph {0}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>原文未单独提及</source>
        <translation>Not named in the article</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>涉及口岸</source>
        <translation>Ports concerned</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+15"/>
        <source>资料来源</source>
        <translation>Sources</translation>
    </message>
    <message>
        <location line="-14"/>
        <source>每个数字都注明出处:原文段落,或其他公开来源。</source>
        <translation>Every figure names its source: a paragraph of the article, or another public source.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>另有 {0} 个来源,见简报的“来源”</source>
        <translation>{0} more sources: see Sources in the briefing</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>★ 本页主体</source>
        <translation>★ this slide&apos;s subject</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>尚无数据的口岸</source>
        <translation>Ports without figures</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>通往{0}的公路口岸</source>
        <translation>Road ports to {0}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>航空口岸</source>
        <translation>Air ports</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>铁路口岸</source>
        <translation>Rail ports</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>本简报中尚无这些口岸的数据</source>
        <translation>No figures for these ports in this briefing yet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>本简报中尚无此口岸的数据</source>
        <translation>No figures for this port in this briefing yet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>空心:大致位置</source>
        <translation>Hollow: approximate position</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>代表委员建议:</source>
        <translation>Delegates&apos; proposal: </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>无坐标口岸所在盟市</source>
        <translation>League of a port without coordinates</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>另有 {0} 个无可靠坐标,未标出</source>
        <translation>{0} more not drawn (no reliable location)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>全区口岸概览</source>
        <translation>All ports at a glance</translation>
    </message>
</context>
<context>
    <name>SourcesTab</name>
    <message>
        <location filename="../../briefing/ui/sources/sources_tab.py" line="+170"/>
        <source>版面</source>
        <translation>Sections</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>原文</source>
        <translation>Source text</translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+192"/>
        <source>(无标题)</source>
        <translation>(untitled)</translation>
    </message>
    <message>
        <location line="-92"/>
        <source>此简报没有收录原文</source>
        <translation>This briefing holds no source text</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>其他来源({0})</source>
        <translation>Other sources ({0})</translation>
    </message>
    <message>
        <location line="+193"/>
        <source>(无网址)</source>
        <translation>(no web address)</translation>
    </message>
    <message>
        <location line="-152"/>
        <source>◀ 前一页</source>
        <translation>◀ Previous page</translation>
    </message>
    <message>
        <location line="-31"/>
        <source>无日期</source>
        <translation>undated</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>后一页 ▶</source>
        <translation>Next page ▶</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>第 {first}–{last} 段,共 {total} 段</source>
        <translation>Paragraphs {first}–{last} of {total}</translation>
    </message>
    <message>
        <location line="+88"/>
        <source>引用本段的数据:</source>
        <translation>Figures citing this paragraph: </translation>
    </message>
    <message>
        <location line="+14"/>
        <source>… 另有 {n} 条数据引用本段</source>
        <translation>… and {n} more figures cite this paragraph</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>转载页:</source>
        <translation>Repost: </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>镜像页:</source>
        <translation>Mirror copy: </translation>
    </message>
</context>
<context>
    <name>SpeakerTableModel</name>
    <message>
        <location filename="../../briefing/ui/proposals/proposal_models.py" line="+52"/>
        <source>发言人</source>
        <translation>Speaker</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>身份</source>
        <translation>Role</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>职务</source>
        <translation>Titles</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>建议数</source>
        <translation>Proposals</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>全部发言人</source>
        <translation>All speakers</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>不限发言人</source>
        <translation>Any speaker</translation>
    </message>
</context>
<context>
    <name>StageSearch</name>
    <message>
        <location filename="../../briefing/ui/presenting/stage_search.py" line="+102"/>
        <source>观众提问:查找口岸、地方、发言人或话题(回车显示,Esc 取消)</source>
        <translation>A question from the room: find a port, place, speaker or topic (Enter shows it, Esc cancels)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>中文、拼音或英文</source>
        <translation>Chinese, pinyin or English</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>没有找到</source>
        <translation>Nothing found</translation>
    </message>
</context>
<context>
    <name>StageWindow</name>
    <message>
        <location filename="../../briefing/ui/presenting/stage.py" line="+70"/>
        <location line="+46"/>
        <source>演示</source>
        <translation>Presentation</translation>
    </message>
</context>
<context>
    <name>SubjectTreeModel</name>
    <message>
        <location filename="../../briefing/ui/indicators/coverage.py" line="-89"/>
        <source>全区与城市</source>
        <translation>Region and cities</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>口岸组合</source>
        <translation>Port groups</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>口岸</source>
        <translation>Ports</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>{name}:本简报中有 {n} 条数据</source>
        <translation>{name}: figures in this briefing: {n}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>(本简报无数据)</source>
        <translation> (no figures)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{name}:本简报没有关于该口岸的数据</source>
        <translation>{name}: this briefing has no figures for this port</translation>
    </message>
</context>
<context>
    <name>Units</name>
    <message>
        <location filename="../../briefing/drawing/formatting.py" line="-160"/>
        <source>列</source>
        <translation>trains</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>吨</source>
        <translation>t</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>元</source>
        <translation>yuan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>辆</source>
        <translation>vehicles</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>人次</source>
        <translation>crossings</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>人</source>
        <translation>people</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>架次</source>
        <translation>flights</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>条</source>
        <translation>routes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>家</source>
        <translation>firms</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>项</source>
        <translation>items</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>辆次</source>
        <translation>vehicle crossings</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <source>辆(列/架)次</source>
        <translation>vehicle, train and aircraft crossings</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>个百分点</source>
        <translation>percentage points</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{number} 十亿</source>
        <translation>{number} billion</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{number} 百万</source>
        <translation>{number} million</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>超{value}</source>
        <translation>over {value}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>约{value}</source>
        <translation>about {value}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{value}以上</source>
        <translation>{value} or more</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>万{unit}</source>
        <translation>10,000 {unit}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>亿{unit}</source>
        <translation>100 million {unit}</translation>
    </message>
</context>
<context>
    <name>ViewState</name>
    <message>
        <location filename="../../briefing/ui/presenting/view_state.py" line="+45"/>
        <source>不是一个对象</source>
        <translation>not an object</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{0} 不是文字</source>
        <translation>{0} is not text</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>tab “{0}” 不是 {1} 之一</source>
        <translation>tab “{0}” is not one of {1}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>map 不是含 zoom 和 center 的对象</source>
        <translation>map is not an object with zoom and center</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>map 的 zoom 不是正数</source>
        <translation>map zoom is not a positive number</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>map 的 center 不是 [经度, 纬度]</source>
        <translation>map center is not [longitude, latitude]</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>找不到口岸 {0}</source>
        <translation>port {0} not found</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>找不到指标 {0}</source>
        <translation>indicator {0} not found</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>找不到建议 {0}</source>
        <translation>proposal {0} not found</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>找不到原文段落 {0}</source>
        <translation>source paragraph {0} not found</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>此处没有 {0} 的图表</source>
        <translation>no chart of {0} here</translation>
    </message>
</context>
<context>
    <name>_TargetRow</name>
    <message>
        <location filename="../../briefing/ui/shell/export_dialogs.py" line="-29"/>
        <source>浏览…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>保存为</source>
        <translation>Save as</translation>
    </message>
</context>
</TS>
