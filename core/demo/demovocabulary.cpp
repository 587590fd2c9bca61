// Slot vocabularies for the demo messages. Bank, branch and product names are invented.
#include "demo/demodata.h"

namespace bankbench::core {

namespace {

DemoVocabulary chinese() {
    DemoVocabulary v;
    v.openers = {"", "", "", "", "你好，", "您好，", "客服你好，", "在吗？", "你好，打扰一下，", "hello，"};
    v.closers = {"",       "",         "",        "", "。", "，谢谢！", "，谢谢。", "，麻烦尽快处理",
                 "，急！", "，在线等", "，请回复"};
    v.signatures = {"——王女士", "——李先生", "张先生", "陈女士 138****2207", "刘先生（客户号已提供）"};
    v.phonePrefixes = {"来电反映：", "客户来电：", "电话咨询："};
    v.branchPrefixes = {"柜台客户咨询：", "网点登记：", "大堂经理转述："};
    v.cardTypes = {"借记卡", "信用卡", "储蓄卡", "工资卡", "银行卡"};
    v.cities = {"上海", "北京", "深圳", "杭州", "成都", "广州",
                "武汉", "南京", "西安", "苏州", "重庆", "天津"};
    v.branches = {"上海浦东支行", "北京朝阳支行",     "深圳南山支行",   "杭州西湖支行",
                  "成都高新支行", "广州天河支行",     "武汉光谷支行",   "南京鼓楼支行",
                  "西安雁塔支行", "苏州工业园区支行", "小区门口的网点", "公司楼下那个网点"};
    v.merchants = {"京东",   "美团外卖",   "一家便利店",   "加油站",
                   "健身房", "某电商平台", "酒店预订网站", "一家网店"};
    v.products = {"稳盈90天理财", "天天利货币基金", "安心宝定期", "大额存单",
                  "结构性存款",   "养老理财",       "周周享理财"};
    v.currencies = {"美元", "欧元", "日元", "港币", "英镑", "澳元"};
    v.loans = {"个人消费贷", "经营贷", "装修贷", "车贷", "信用贷"};
    v.apps = {"手机银行", "手机银行APP", "APP", "网银", "手机银行app"};
    v.mortgageTerms = {"30年", "20年", "25年", "10年"};
    v.timesOfDay = {"今天早上", "昨晚", "中午", "晚上8点左右", "下午三点多", "凌晨", "刚才"};
    v.pastPhrases = {"昨天", "前天", "今天上午", "上周", "上周五", "前几天", "上个月底"};
    v.futurePhrases = {"明天", "后天", "下周一", "这周末", "月底", "下个月初"};
    return v;
}

DemoVocabulary english() {
    DemoVocabulary v;
    v.openers = {"", "", "", "", "Hi, ", "Hello, ", "Hi there, ", "Good morning, ", "Hey, ", "Excuse me, "};
    v.closers = {"",
                 "",
                 "",
                 "",
                 " Thanks.",
                 " Thank you!",
                 " Please help.",
                 " Please get back to me asap.",
                 " Thanks in advance.",
                 " Appreciate it."};
    v.signatures = {"Regards,\nDavid Chen", "Thanks,\nEmily", "Best,\nMichael Wang", "Sent from my iPhone",
                    "Kind regards,\nSarah Liu"};
    v.phonePrefixes = {"Caller says: ", "Customer called: ", "Phone enquiry: "};
    v.branchPrefixes = {"Walk-in customer: ", "Counter note: ", "Lobby manager relayed: "};
    v.cardTypes = {"debit card", "credit card", "savings card", "salary card", "bank card"};
    v.cities = {"Shanghai",  "Beijing", "Shenzhen", "Hangzhou",  "Chengdu",
                "Guangzhou", "Wuhan",   "Nanjing",  "Hong Kong", "Singapore"};
    v.branches = {"Pudong branch in Shanghai", "Chaoyang branch in Beijing",    "Nanshan branch in Shenzhen",
                  "West Lake branch",          "Chengdu High-Tech Zone branch", "Tianhe branch",
                  "branch near my office",     "branch by the train station"};
    v.merchants = {"an online electronics store",
                   "a hotel booking site",
                   "a food delivery app",
                   "a gas station",
                   "my gym",
                   "a streaming service",
                   "a supermarket"};
    v.products = {
        "Steady Income 90-day plan", "Daily Plus money market fund", "Safe Harbor fixed-term deposit",
        "large-denomination CD",     "structured deposit",           "retirement wealth plan"};
    v.currencies = {"US dollars",        "euros",          "Japanese yen",
                    "Hong Kong dollars", "British pounds", "Australian dollars"};
    v.loans = {"a personal loan", "a business loan", "a car loan", "a home renovation loan", "a credit loan"};
    v.apps = {"mobile app", "mobile banking app", "banking app", "app"};
    v.mortgageTerms = {"30-year", "20-year", "25-year", "10-year"};
    v.timesOfDay = {"this morning", "last night", "at lunchtime",
                    "around 8pm",   "just now",   "early this morning"};
    v.pastPhrases = {"yesterday",   "this morning",   "earlier today",   "last week",
                     "last Friday", "a few days ago", "over the weekend"};
    v.futurePhrases = {"tomorrow",     "the day after tomorrow",  "next Monday",
                       "this weekend", "by the end of the month", "early next month"};
    return v;
}

} // namespace

const DemoVocabulary& demoVocabulary(DemoLanguage language) {
    static const DemoVocabulary zh = chinese();
    static const DemoVocabulary en = english();
    return language == DemoLanguage::Chinese ? zh : en;
}

} // namespace bankbench::core
